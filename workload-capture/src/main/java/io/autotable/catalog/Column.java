package io.autotable.catalog;

import io.autotable.error.CaptureException;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A table's column. Names are stored lower-case, as Redshift folds unquoted identifiers.
 *
 * @param stats the column's statistics, absent until data has been seen
 */
public record Column(String name, ColumnType type, boolean nullable, Optional<ColumnStats> stats)
{
    public Column
    {
        name = Identifiers.normalize(name, "column");
        requireNonNull(type, "type is null");
        requireNonNull(stats, "stats is null");
        if (!nullable && stats.isPresent() && stats.get().nullFraction() > 0) {
            throw CaptureException.invalid("column %s is NOT NULL but its statistics have nulls", name);
        }
    }

    public static Column of(String name, ColumnType type)
    {
        return new Column(name, type, true, Optional.empty());
    }

    public static Column notNull(String name, ColumnType type)
    {
        return new Column(name, type, false, Optional.empty());
    }

    public Column withStats(ColumnStats columnStats)
    {
        return new Column(name, type, nullable, Optional.of(columnStats));
    }
}
