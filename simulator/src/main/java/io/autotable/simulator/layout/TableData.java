package io.autotable.simulator.layout;

import io.autotable.catalog.Table;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A table's rows in primitive columns, in load order: all of them, or a systematic sample (every
 * k-th row) standing for the whole table. Layouts built from a sample count
 * {@link #rowsPerDataRow()} rows and bytes for each row they hold.
 *
 * @param table the table as the catalog knows it (its row count is the whole table's)
 * @param columns one per table column, in the table's order
 * @param rows rows held
 */
public record TableData(Table table, List<ColumnData> columns, int rows)
{
    public TableData
    {
        requireNonNull(table, "table is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        if (columns.size() != table.columns().size()) {
            throw new IllegalArgumentException("table %s has %d columns, data has %d".formatted(table.name(), table.columns().size(), columns.size()));
        }
        for (ColumnData column : columns) {
            if (column.rows() != rows) {
                throw new IllegalArgumentException("column %s.%s has %d rows, the table %d".formatted(table.name(), column.name(), column.rows(), rows));
            }
        }
    }

    /** How many of the table's rows each held row stands for: 1 unless sampled. */
    public double rowsPerDataRow()
    {
        return rows == 0 || table.rows() <= rows ? 1 : (double) table.rows() / rows;
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
}
