package io.autotable.repository;

/** What the catalog knows of a table's data. */
public enum TableState
{
    /** Declared by DDL: columns and design, but no data has been seen. */
    DECLARED,
    /** A load started and has not finished (it is running, or was interrupted): never use its data or statistics. */
    INCOMPLETE,
    /** Loaded, with statistics computed from all its rows. */
    COMPLETE
}
