package io.autotable.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A table: its columns in declaration order, how many rows it has and how many bytes they take
 * uncompressed.
 *
 * @param rows the table's row count (0 until known)
 * @param sizeBytes the table's uncompressed size in bytes (0 until known)
 */
public record Table(String name, List<Column> columns, long rows, long sizeBytes)
{
    public Table
    {
        name = Identifiers.normalize(name, "table");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        if (columns.isEmpty()) {
            throw CaptureException.invalid("table %s has no columns", name);
        }
        Set<String> seen = new HashSet<>();
        for (Column column : columns) {
            if (!seen.add(column.name())) {
                throw CaptureException.invalid("table %s has column %s twice", name, column.name());
            }
        }
        if (rows < 0) {
            throw CaptureException.invalid("table %s: rows must be >= 0, got %d", name, rows);
        }
        if (sizeBytes < 0) {
            throw CaptureException.invalid("table %s: sizeBytes must be >= 0, got %d", name, sizeBytes);
        }
    }

    /** A table whose data nobody has seen yet. */
    public static Table declared(String name, List<Column> columns)
    {
        return new Table(name, columns, 0, 0);
    }

    public Optional<Column> findColumn(String columnName)
    {
        String normalized = Identifiers.normalize(columnName, "column");
        for (Column column : columns) {
            if (column.name().equals(normalized)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /**
     * @throws CaptureException with {@link ErrorCode#UNKNOWN_COLUMN} when the table has no such column
     */
    public Column column(String columnName)
    {
        return findColumn(columnName).orElseThrow(() -> new CaptureException(ErrorCode.UNKNOWN_COLUMN,
                "table %s has no column %s (it has: %s)".formatted(name, columnName, columnNames())));
    }

    @JsonIgnore
    public List<String> columnNames()
    {
        return columns.stream().map(Column::name).toList();
    }

    public Table withData(List<Column> newColumns, long newRows, long newSizeBytes)
    {
        return new Table(name, newColumns, newRows, newSizeBytes);
    }
}
