package io.autotable.workload;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.autotable.catalog.Identifiers;
import io.autotable.error.CaptureException;

/**
 * A column resolved to its table, written {@code table.column} in JSON.
 */
public record ColumnRef(String table, String column)
        implements Comparable<ColumnRef>
{
    public ColumnRef
    {
        table = Identifiers.normalize(table, "table");
        column = Identifiers.normalize(column, "column");
    }

    /** Parses {@code table.column}; the table may itself be schema-qualified ({@code s.t.c}). */
    @JsonCreator
    public static ColumnRef parse(String text)
    {
        int dot = text == null ? -1 : text.lastIndexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw CaptureException.invalid("column reference '%s' is not of the form table.column", text);
        }
        return new ColumnRef(text.substring(0, dot), text.substring(dot + 1));
    }

    @Override
    public int compareTo(ColumnRef other)
    {
        int byTable = table.compareTo(other.table);
        return byTable != 0 ? byTable : column.compareTo(other.column);
    }

    @JsonValue
    @Override
    public String toString()
    {
        return table + "." + column;
    }
}
