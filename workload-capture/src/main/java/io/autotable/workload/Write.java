package io.autotable.workload;

import io.autotable.catalog.Identifiers;

import static java.util.Objects.requireNonNull;

/** A write a statement makes to a table. */
public record Write(String table, WriteKind kind)
{
    public Write
    {
        table = Identifiers.normalize(table, "table");
        requireNonNull(kind, "kind is null");
    }
}
