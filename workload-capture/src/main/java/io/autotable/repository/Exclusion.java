package io.autotable.repository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A table the advisor must leave alone: every kind of change, or one kind.
 *
 * @param kind the kind of change excluded ({@code distribution}, {@code sortkey}, {@code encoding}), empty for all
 */
public record Exclusion(String table, Optional<String> kind, Instant at)
{
    static final String ALL_KINDS = "*";

    public Exclusion
    {
        requireNonNull(table, "table is null");
        requireNonNull(kind, "kind is null");
        at = requireNonNull(at, "at is null").truncatedTo(ChronoUnit.MICROS);
    }

    public boolean covers(String table, String kind)
    {
        return this.table.equals(table) && this.kind.map(kind::equals).orElse(true);
    }
}
