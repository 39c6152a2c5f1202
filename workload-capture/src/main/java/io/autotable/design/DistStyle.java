package io.autotable.design;

/**
 * How a table's rows are spread over the slices of a cluster.
 */
public enum DistStyle
{
    /** Round-robin: every slice gets about the same number of rows. */
    EVEN,
    /** A full copy of the table on every node. */
    ALL,
    /** Rows hashed on one column: equal values land on the same slice. */
    KEY
}
