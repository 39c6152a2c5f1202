package io.autotable.workload;

import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * An aggregate function call and the column it aggregates (absent for {@code count(*)} or an
 * expression over several columns).
 */
public record Aggregate(String function, Optional<ColumnRef> column, boolean distinct)
{
    public Aggregate
    {
        function = requireNonNull(function, "function is null").toLowerCase(Locale.ROOT);
        requireNonNull(column, "column is null");
    }
}
