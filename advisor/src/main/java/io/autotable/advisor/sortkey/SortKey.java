package io.autotable.advisor.sortkey;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.error.CaptureException;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A sort key: how a table's rows are ordered within each slice, and by which columns.
 *
 * @param style NONE exactly when there are no columns
 * @param columns the key's columns, in order
 */
public record SortKey(SortStyle style, List<String> columns)
{
    public SortKey
    {
        requireNonNull(style, "style is null");
        // TableDesign holds the rules (style fits the columns, no column twice, interleaved width) and normalises the names
        columns = TableDesign.initial().withSortKey(style, requireNonNull(columns, "columns is null")).sortkey();
    }

    public static SortKey none()
    {
        return new SortKey(SortStyle.NONE, List.of());
    }

    public static SortKey compound(List<String> columns)
    {
        return new SortKey(SortStyle.COMPOUND, columns);
    }

    public static SortKey compound(String... columns)
    {
        return compound(List.of(columns));
    }

    public static SortKey interleaved(List<String> columns)
    {
        if (columns.size() < 2) {
            throw CaptureException.invalid("an interleaved sort key needs at least two columns, got %s", columns);
        }
        return new SortKey(SortStyle.INTERLEAVED, columns);
    }

    /** The sort key a design has. */
    public static SortKey of(TableDesign design)
    {
        return new SortKey(design.sortStyle(), design.sortkey());
    }

    /** The design with this sort key instead of its own, everything else as it is. */
    public TableDesign applyTo(TableDesign design)
    {
        return design.withSortKey(style, columns);
    }

    @JsonIgnore
    public boolean isNone()
    {
        return style == SortStyle.NONE;
    }

    /** The first column: the one a compound key orders by first. */
    public Optional<String> leading()
    {
        return columns.isEmpty() ? Optional.empty() : Optional.of(columns.get(0));
    }

    /** {@code none}, {@code COMPOUND(a, b)}, {@code INTERLEAVED(a, b)}. */
    @Override
    public String toString()
    {
        return isNone() ? "none" : style.name() + "(" + String.join(", ", columns) + ")";
    }
}
