package io.autotable.simulator.layout;

import io.autotable.design.DistStyle;
import io.autotable.design.TableDesign;
import io.autotable.simulator.cluster.ClusterModel;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * How a table's data lies on a cluster under a design: rows per slice, each column's blocks with
 * their zone maps and encoded sizes, and, for every column, where the rows would go if they were
 * redistributed on it (what a join or aggregation that redistributes on that column moves).
 *
 * <p>A table distributed ALL has one copy per node; the layout holds that copy once
 * ({@link #storageSlices()} is 1) and {@link #copies()} says how many there are.
 *
 * <p>Counts are of held rows; multiply by {@link #rowsPerDataRow()} for the whole table when the
 * layout was built from a sample.
 *
 * @param sliceRows rows held per storage slice
 * @param columns one per table column, in the table's order
 * @param rowsByTargetSlice per column, rows that would land on each cluster slice if hashed on that column
 * @param rowsMoved per column, rows whose slice under hashing on that column differs from their slice now
 *        (all rows for an ALL table, which has no one slice)
 */
public record StorageLayout(
        String table,
        TableDesign design,
        ClusterModel cluster,
        double rowsPerDataRow,
        long[] sliceRows,
        List<ColumnLayout> columns,
        long[][] rowsByTargetSlice,
        long[] rowsMoved)
{
    public StorageLayout
    {
        requireNonNull(table, "table is null");
        requireNonNull(design, "design is null");
        requireNonNull(cluster, "cluster is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        if (rowsByTargetSlice.length != columns.size() || rowsMoved.length != columns.size()) {
            throw new IllegalArgumentException("table %s: per-column arrays do not match %d columns".formatted(table, columns.size()));
        }
    }

    public boolean replicated()
    {
        return design.distribution() == DistStyle.ALL;
    }

    public int storageSlices()
    {
        return sliceRows.length;
    }

    /** Copies of the data on the cluster: one per node for ALL, else 1. */
    public int copies()
    {
        return replicated() ? cluster.nodes() : 1;
    }

    /** Rows held (one copy). */
    public long rows()
    {
        long total = 0;
        for (long rows : sliceRows) {
            total += rows;
        }
        return total;
    }

    public int columnIndex(String name)
    {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Max slice rows over mean slice rows: 1 is perfectly even; 1 for ALL. */
    public double skew()
    {
        if (replicated()) {
            return 1;
        }
        long max = 0;
        long total = 0;
        for (long rows : sliceRows) {
            max = Math.max(max, rows);
            total += rows;
        }
        return total == 0 ? 1 : max / ((double) total / sliceRows.length);
    }

    /** Blocks of one copy, every column. */
    public long blocks()
    {
        long total = 0;
        for (ColumnLayout column : columns) {
            total += column.blocks();
        }
        return total;
    }

    /** Encoded bytes of one copy, whole table (sample scaled). */
    public double encodedBytes()
    {
        long total = 0;
        for (ColumnLayout column : columns) {
            total += column.totalEncodedBytes();
        }
        return total * rowsPerDataRow;
    }

    /** Raw bytes of one copy, whole table (sample scaled). */
    public double rawBytes()
    {
        long total = 0;
        for (ColumnLayout column : columns) {
            total += column.totalRawBytes();
        }
        return total * rowsPerDataRow;
    }
}
