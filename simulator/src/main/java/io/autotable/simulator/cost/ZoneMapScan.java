package io.autotable.simulator.cost;

import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.layout.ColumnLayout;
import io.autotable.simulator.layout.StorageLayout;

/**
 * A scan of one table's layout: which blocks of the referenced columns it reads once the zone maps
 * of the filtered columns have ruled blocks out.
 *
 * <p>Each column has its own blocks (a compressible column's block holds more rows), so pruning
 * works on row ranges: on each slice, a filtered column keeps the row ranges of its blocks whose
 * zone map may match; the ranges of all filtered columns intersect (the predicates of different
 * columns are ANDed); a referenced column then reads every block that overlaps a surviving range.
 * Cost: O(blocks of the filtered and referenced columns) per slice, no allocation beyond the
 * scratch arrays.
 */
public final class ZoneMapScan
{
    /**
     * What a scan reads, counted in held rows and bytes of one copy (scale by the layout's
     * {@code rowsPerDataRow} for the table).
     *
     * @param blocksRead per referenced column, blocks read
     * @param sliceRows per storage slice, rows in surviving ranges
     * @param sliceSeconds per storage slice, time to read and decode what it reads (whole table, scaled)
     */
    public record Result(long[] blocksRead, long blocksTotal, long encodedBytes, long rawBytes, long[] sliceRows, double[] sliceSeconds)
    {
        public long totalBlocksRead()
        {
            long total = 0;
            for (long blocks : blocksRead) {
                total += blocks;
            }
            return total;
        }

        public long totalRows()
        {
            long total = 0;
            for (long rows : sliceRows) {
                total += rows;
            }
            return total;
        }
    }

    private ZoneMapScan() {}

    public static Result scan(StorageLayout layout, int[] filteredColumns, KeyRanges[] ranges, int[] readColumns)
    {
        ClusterModel cluster = layout.cluster();
        int slices = layout.storageSlices();
        long[] blocksRead = new long[readColumns.length];
        long blocksTotal = 0;
        long encoded = 0;
        long raw = 0;
        long[] sliceRows = new long[slices];
        double[] sliceSeconds = new double[slices];
        int capacity = 2;
        for (int column : filteredColumns) {
            // an intersection of interval sets has at most as many intervals as they have together
            capacity += maxSliceBlocks(layout.columns().get(column));
        }
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int[] nextStarts = new int[capacity];
        int[] nextEnds = new int[capacity];
        int[] matchStarts = new int[capacity];
        int[] matchEnds = new int[capacity];
        for (int s = 0; s < slices; s++) {
            int count = 0;
            int rows = (int) layout.sliceRows()[s];
            if (rows > 0) {
                starts[0] = 0;
                ends[0] = rows;
                count = 1;
            }
            for (int f = 0; f < filteredColumns.length && count > 0; f++) {
                ColumnLayout column = layout.columns().get(filteredColumns[f]);
                KeyRanges range = ranges[f];
                int matches = 0;
                for (int b = column.sliceFirstBlock()[s]; b < column.sliceFirstBlock()[s + 1]; b++) {
                    if (range.mayMatch(column.min()[b], column.max()[b], column.hasNull()[b])) {
                        int start = column.rowStart()[b];
                        int end = start + column.rows()[b];
                        if (matches > 0 && matchEnds[matches - 1] == start) {
                            matchEnds[matches - 1] = end;
                        }
                        else {
                            matchStarts[matches] = start;
                            matchEnds[matches] = end;
                            matches++;
                        }
                    }
                }
                // intersect the surviving ranges with this column's
                int next = 0;
                int i = 0;
                int j = 0;
                while (i < count && j < matches) {
                    int low = Math.max(starts[i], matchStarts[j]);
                    int high = Math.min(ends[i], matchEnds[j]);
                    if (low < high) {
                        nextStarts[next] = low;
                        nextEnds[next] = high;
                        next++;
                    }
                    if (ends[i] < matchEnds[j]) {
                        i++;
                    }
                    else {
                        j++;
                    }
                }
                int[] swap = starts;
                starts = nextStarts;
                nextStarts = swap;
                swap = ends;
                ends = nextEnds;
                nextEnds = swap;
                count = next;
            }
            long surviving = 0;
            for (int i = 0; i < count; i++) {
                surviving += ends[i] - starts[i];
            }
            sliceRows[s] = surviving;
            double seconds = 0;
            for (int r = 0; r < readColumns.length; r++) {
                ColumnLayout column = layout.columns().get(readColumns[r]);
                int first = column.sliceFirstBlock()[s];
                int last = column.sliceFirstBlock()[s + 1];
                blocksTotal += last - first;
                long sliceEncoded = 0;
                long sliceRaw = 0;
                int i = 0;
                for (int b = first; b < last && i < count; b++) {
                    int start = column.rowStart()[b];
                    int end = start + column.rows()[b];
                    while (i < count && ends[i] <= start) {
                        i++;
                    }
                    if (i < count && starts[i] < end) {
                        blocksRead[r]++;
                        sliceEncoded += column.encodedBytes()[b];
                        sliceRaw += column.rawBytes()[b];
                    }
                }
                encoded += sliceEncoded;
                raw += sliceRaw;
                seconds += sliceEncoded / cluster.scanBytesPerSecond() + sliceRaw / cluster.decodeRate(column.encoding());
            }
            sliceSeconds[s] = seconds * layout.rowsPerDataRow();
        }
        return new Result(blocksRead, blocksTotal, encoded, raw, sliceRows, sliceSeconds);
    }

    private static int maxSliceBlocks(ColumnLayout column)
    {
        int max = 0;
        for (int s = 0; s < column.slices(); s++) {
            max = Math.max(max, column.sliceFirstBlock()[s + 1] - column.sliceFirstBlock()[s]);
        }
        return max;
    }
}
