package io.autotable.workload;

/** The kind of join an equi-join column pair comes from. */
public enum JoinType
{
    INNER,
    LEFT,
    RIGHT,
    FULL,
    SEMI,
    ANTI
}
