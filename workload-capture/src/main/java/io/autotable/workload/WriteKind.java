package io.autotable.workload;

/** How a statement writes to a table. */
public enum WriteKind
{
    INSERT,
    UPDATE,
    DELETE,
    MERGE,
    CREATE_TABLE_AS,
    COPY
}
