package io.autotable.workload;

/** What kind of statement a query is. */
public enum StatementKind
{
    SELECT,
    INSERT,
    UPDATE,
    DELETE,
    MERGE,
    CREATE_TABLE_AS,
    COPY,
    DDL,
    OTHER
}
