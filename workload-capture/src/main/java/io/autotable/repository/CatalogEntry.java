package io.autotable.repository;

import io.autotable.catalog.Table;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A table as the repository holds it: the table, the state of its data and where it came from.
 *
 * @param origin where the table came from, e.g. {@code tpch scale 0.01} or {@code ddl schema.sql}
 */
public record CatalogEntry(Table table, TableState state, String origin, Instant updatedAt)
{
    public CatalogEntry
    {
        requireNonNull(table, "table is null");
        requireNonNull(state, "state is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(updatedAt, "updatedAt is null");
    }
}
