package io.autotable.advisor.sortkey;

import io.autotable.advisor.sortkey.TableWorkload.Statement;
import io.autotable.design.SortStyle;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.cost.KeyRanges;
import io.autotable.simulator.layout.ColumnData;
import io.autotable.simulator.layout.LayoutBuilder;
import io.autotable.simulator.layout.TableData;
import io.autotable.workload.Predicate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What sort-key advice knows about one table before simulating anything: its workload
 * ({@link TableWorkload}), sizes measured on its data, and estimates made on a systematic sample of
 * its rows (every k-th row in load order, at most {@link #SAMPLE_ROWS}), which stands for one slice:
 * <ul>
 * <li>each filter's selectivity, counted on the sample with the simulator's own key ranges
 *     ({@link KeyRanges}), so it does not depend on the catalog's statistics;</li>
 * <li>each column's distinct share and its rank correlation with the load order;</li>
 * <li>the <b>block-skip estimate</b> of a sort key: the sample ordered by the key and cut, per
 *     column, into as many blocks as that column has per slice (its raw bytes over the slices, in
 *     1 MiB blocks), then each statement's filters checked against each block's min and max, as
 *     the simulator's zone maps are. What a statement skips is the share of its read columns' bytes
 *     in blocks no surviving row falls in.</li>
 * </ul>
 * Built once per table; not thread-safe (estimates are cached).
 */
public final class TableProfile
{
    /** Rows of the sample the estimates are made on, at most. */
    public static final int SAMPLE_ROWS = 16_384;
    // a block of the sample has at least this many rows, so its min and max mean something
    private static final int MIN_SAMPLE_ROWS_PER_BLOCK = 8;

    private final TableWorkload workload;
    private final TableData data;
    private final int slices;
    private final int[] sample;
    private final double[] rawBytes;
    private final long[][] keys;
    private final boolean[][] nulls;
    private final Map<String, double[]> skipByKey = new HashMap<>();
    private final Map<Statement, Map<String, KeyRanges>> ranges = new HashMap<>();

    private TableProfile(TableWorkload workload, TableData data, int slices)
    {
        this.workload = workload;
        this.data = data;
        this.slices = slices;
        int rows = data.rows();
        int every = rows <= SAMPLE_ROWS ? 1 : (rows + SAMPLE_ROWS - 1) / SAMPLE_ROWS;
        int size = rows == 0 ? 0 : (rows - 1) / every + 1;
        sample = new int[size];
        for (int i = 0; i < size; i++) {
            sample[i] = i * every;
        }
        int columns = data.columns().size();
        rawBytes = new double[columns];
        for (int c = 0; c < columns; c++) {
            ColumnData column = data.columns().get(c);
            long total = 0;
            for (int row = 0; row < rows; row++) {
                if (!column.isNull(row)) {
                    total += column.rawWidth(row);
                }
            }
            rawBytes[c] = total;
        }
        keys = new long[columns][];
        nulls = new boolean[columns][];
    }

    /**
     * @param slices the cluster's slices, which the table's rows are spread over
     */
    public static TableProfile of(TableWorkload workload, TableData data, int slices)
    {
        requireNonNull(workload, "workload is null");
        requireNonNull(data, "data is null");
        if (!workload.table().equals(data.table().name())) {
            throw new IllegalArgumentException("the workload is of table %s, the data of %s".formatted(workload.table(), data.table().name()));
        }
        if (slices < 1) {
            throw new IllegalArgumentException("slices must be >= 1, got " + slices);
        }
        return new TableProfile(workload, data, slices);
    }

    public TableWorkload workload()
    {
        return workload;
    }

    public TableData data()
    {
        return data;
    }

    public String table()
    {
        return workload.table();
    }

    public int slices()
    {
        return slices;
    }

    /** Rows of the whole table (more than the data holds when it is a sample). */
    public double rows()
    {
        return data.rows() * data.rowsPerDataRow();
    }

    public boolean hasColumn(String column)
    {
        return data.columnIndex(column) >= 0;
    }

    /** Uncompressed bytes of a column, whole table. */
    public double rawBytes(String column)
    {
        return rawBytes[index(column)] * data.rowsPerDataRow();
    }

    /** Blocks of a column per slice, RAW: its bytes held over the slices, in 1 MiB blocks, at least 1. */
    public double blocksPerSlice(String column)
    {
        return Math.max(1, rawBytes[index(column)] / slices / ClusterModel.BLOCK_BYTES);
    }

    /** Bytes a run of the statement reads of the table without any skipping (its referenced columns, or the first one). */
    public double scanBytes(Statement statement)
    {
        if (!statement.reads()) {
            return 0;
        }
        double total = 0;
        boolean any = false;
        for (String column : statement.columnsRead()) {
            if (hasColumn(column)) {
                total += rawBytes(column);
                any = true;
            }
        }
        return any ? total : rawBytes[0] * data.rowsPerDataRow();
    }

    /** What the statement's filters on the column let zone maps rule out ({@link KeyRanges#all()} when nothing). */
    public KeyRanges ranges(Statement statement, String column)
    {
        return ranges.computeIfAbsent(statement, ignored -> new HashMap<>()).computeIfAbsent(column, name -> {
            if (!hasColumn(name)) {
                return KeyRanges.all();
            }
            List<Predicate> predicates = statement.predicatesOn(name);
            if (predicates.isEmpty()) {
                return KeyRanges.all();
            }
            try {
                return KeyRanges.forPredicates(data.columns().get(index(name)).type(), predicates);
            }
            catch (RuntimeException e) {
                // a literal that does not read as the column's type: the simulator cannot prune with it either
                return KeyRanges.all();
            }
        });
    }

    /** Whether the statement filters the column in a way zone maps can use. */
    public boolean filters(Statement statement, String column)
    {
        return statement.reads() && !ranges(statement, column).isAll();
    }

    /** The share of the sample's rows the statement's filters on the column keep. */
    public double selectivity(Statement statement, String column)
    {
        KeyRanges range = ranges(statement, column);
        if (range.isAll() || sample.length == 0) {
            return 1;
        }
        int c = index(column);
        long[] columnKeys = keys(c);
        boolean[] columnNulls = nulls[c];
        int kept = 0;
        for (int i = 0; i < sample.length; i++) {
            boolean isNull = columnNulls != null && columnNulls[i];
            if (range.nullsOnly() ? isNull : !isNull && range.matches(columnKeys[i])) {
                kept++;
            }
        }
        return (double) kept / sample.length;
    }

    /** Distinct values in the sample over its rows. */
    public double distinctFraction(String column)
    {
        if (sample.length == 0) {
            return 0;
        }
        long[] sorted = keys(index(column)).clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        return (double) distinct / sorted.length;
    }

    /**
     * Spearman's rank correlation of the column's values with the load order, in absolute value:
     * 1 when the rows were loaded sorted on it (either way), about 0 when its values are scattered.
     */
    public double loadOrderCorrelation(String column)
    {
        int n = sample.length;
        if (n < 3) {
            return 0;
        }
        long[] columnKeys = keys(index(column));
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(columnKeys[a], columnKeys[b]));
        // ties get the mean of their ranks
        double[] rank = new double[n];
        int start = 0;
        while (start < n) {
            int end = start;
            while (end + 1 < n && columnKeys[order[end + 1]] == columnKeys[order[start]]) {
                end++;
            }
            double mean = (start + end) / 2.0;
            for (int i = start; i <= end; i++) {
                rank[order[i]] = mean;
            }
            start = end + 1;
        }
        double meanRank = (n - 1) / 2.0;
        double covariance = 0;
        double rankVariance = 0;
        double positionVariance = 0;
        for (int i = 0; i < n; i++) {
            double r = rank[i] - meanRank;
            double p = i - meanRank;
            covariance += r * p;
            rankVariance += r * r;
            positionVariance += p * p;
        }
        if (rankVariance == 0) {
            return 0;
        }
        return Math.abs(covariance / Math.sqrt(rankVariance * positionVariance));
    }

    /**
     * The block-skip estimate: per statement of the workload, in its order, the share of the bytes
     * it reads of the table that zone maps would let it skip with the rows sorted by the key (0 for
     * statements that only write).
     */
    public double[] skippedFractions(SortKey key)
    {
        return skipByKey.computeIfAbsent(key.toString(), ignored -> computeSkips(key)).clone();
    }

    /** The block-skip estimate over the whole workload: skipped bytes over the bytes its runs read. */
    public double skippedShare(SortKey key)
    {
        double[] skipped = skippedFractions(key);
        double total = 0;
        double saved = 0;
        List<Statement> statements = workload.statements();
        for (int i = 0; i < statements.size(); i++) {
            double weight = statements.get(i).runs() * scanBytes(statements.get(i));
            total += weight;
            saved += weight * skipped[i];
        }
        return total == 0 ? 0 : saved / total;
    }

    private double[] computeSkips(SortKey key)
    {
        List<Statement> statements = workload.statements();
        double[] skipped = new double[statements.size()];
        if (sample.length == 0) {
            return skipped;
        }
        for (String column : key.columns()) {
            if (!hasColumn(column)) {
                return skipped;
            }
        }
        int[] order = order(key);
        int n = order.length;
        boolean[] surviving = new boolean[n];
        for (int s = 0; s < statements.size(); s++) {
            Statement statement = statements.get(s);
            if (!statement.reads()) {
                continue;
            }
            Arrays.fill(surviving, true);
            boolean anyFilter = false;
            Set<String> filtered = new LinkedHashSet<>();
            for (Predicate predicate : statement.predicates()) {
                filtered.add(predicate.column().column());
            }
            for (String column : filtered) {
                KeyRanges range = ranges(statement, column);
                if (range.isAll()) {
                    continue;
                }
                anyFilter = true;
                int c = index(column);
                long[] columnKeys = keys(c);
                boolean[] columnNulls = nulls[c];
                int blocks = blocks(column, n);
                for (int b = 0; b < blocks; b++) {
                    int from = (int) ((long) b * n / blocks);
                    int to = (int) ((long) (b + 1) * n / blocks);
                    long min = Long.MAX_VALUE;
                    long max = Long.MIN_VALUE;
                    boolean hasNull = false;
                    for (int i = from; i < to; i++) {
                        int row = order[i];
                        if (columnNulls != null && columnNulls[row]) {
                            hasNull = true;
                        }
                        else {
                            min = Math.min(min, columnKeys[row]);
                            max = Math.max(max, columnKeys[row]);
                        }
                    }
                    if (!range.mayMatch(min, max, hasNull)) {
                        Arrays.fill(surviving, from, to, false);
                    }
                }
            }
            if (!anyFilter) {
                continue;
            }
            double read = 0;
            double total = 0;
            for (String column : statement.columnsRead().isEmpty() ? List.of(data.columns().get(0).name()) : statement.columnsRead()) {
                if (!hasColumn(column)) {
                    continue;
                }
                int blocks = blocks(column, n);
                int blocksRead = 0;
                for (int b = 0; b < blocks; b++) {
                    int from = (int) ((long) b * n / blocks);
                    int to = (int) ((long) (b + 1) * n / blocks);
                    for (int i = from; i < to; i++) {
                        if (surviving[i]) {
                            blocksRead++;
                            break;
                        }
                    }
                }
                double bytes = rawBytes[index(column)];
                total += bytes;
                read += bytes * blocksRead / blocks;
            }
            skipped[s] = total == 0 ? 0 : 1 - read / total;
        }
        return skipped;
    }

    // the column's blocks per slice, as many as the sample can stand for
    private int blocks(String column, int sampleRows)
    {
        int most = Math.max(1, sampleRows / MIN_SAMPLE_ROWS_PER_BLOCK);
        return (int) Math.min(most, Math.ceil(blocksPerSlice(column)));
    }

    /** The sample's positions in the key's order: stable, nulls last, as the layout sorts. */
    private int[] order(SortKey key)
    {
        int n = sample.length;
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        if (key.style() == SortStyle.COMPOUND) {
            long[][] sortKeys = new long[key.columns().size()][];
            for (int k = 0; k < sortKeys.length; k++) {
                sortKeys[k] = sortKeys(index(key.columns().get(k)));
            }
            Arrays.sort(boxed, (a, b) -> {
                for (long[] column : sortKeys) {
                    int order = Long.compare(column[a], column[b]);
                    if (order != 0) {
                        return order;
                    }
                }
                return 0;
            });
        }
        else if (key.style() == SortStyle.INTERLEAVED) {
            long[] z = zOrder(key.columns());
            Arrays.sort(boxed, (a, b) -> Long.compareUnsigned(z[a], z[b]));
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    // as the layout's interleaved sort does
    private long[] zOrder(List<String> columns)
    {
        long[][] columnKeys = new long[columns.size()][];
        for (int c = 0; c < columnKeys.length; c++) {
            columnKeys[c] = sortKeys(index(columns.get(c)));
        }
        return LayoutBuilder.zOrder(columnKeys, sample.length);
    }

    private long[] sortKeys(int column)
    {
        long[] columnKeys = keys(column).clone();
        boolean[] columnNulls = nulls[column];
        if (columnNulls != null) {
            for (int i = 0; i < columnKeys.length; i++) {
                if (columnNulls[i]) {
                    columnKeys[i] = Long.MAX_VALUE;
                }
            }
        }
        return columnKeys;
    }

    // the sample's zone-map keys of a column (nulls flagged apart), read on first use
    private long[] keys(int column)
    {
        if (keys[column] == null) {
            ColumnData data = this.data.columns().get(column);
            long[] columnKeys = new long[sample.length];
            boolean[] columnNulls = data.hasNulls() ? new boolean[sample.length] : null;
            for (int i = 0; i < sample.length; i++) {
                if (data.isNull(sample[i])) {
                    columnNulls[i] = true;
                }
                else {
                    columnKeys[i] = data.key(sample[i]);
                }
            }
            keys[column] = columnKeys;
            nulls[column] = columnNulls;
        }
        return keys[column];
    }

    private int index(String column)
    {
        int index = data.columnIndex(column);
        if (index < 0) {
            throw new IllegalArgumentException("table %s has no column %s".formatted(table(), column));
        }
        return index;
    }
}
