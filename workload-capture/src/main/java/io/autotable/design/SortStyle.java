package io.autotable.design;

/**
 * How a table's rows are ordered within each slice.
 */
public enum SortStyle
{
    /** Load order. */
    NONE,
    /** Lexicographic by the sort key's columns, in order. */
    COMPOUND,
    /** Equal weight to every sort-key column, by a z-order curve. */
    INTERLEAVED
}
