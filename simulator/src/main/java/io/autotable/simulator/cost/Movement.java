package io.autotable.simulator.cost;

/**
 * How a join step moves data between slices, with Redshift's EXPLAIN labels, and autotable's own
 * label for an aggregation that has to redistribute its partial groups.
 */
public enum Movement
{
    /** Both sides already on the slices where they join: the outer is hashed on the join column and the inner is KEY on it. */
    DS_DIST_NONE,
    /** The inner is ALL: every node has a copy. */
    DS_DIST_ALL_NONE,
    /** The inner is redistributed on its join column to meet the outer, which is hashed on its own. */
    DS_DIST_INNER,
    /** The outer is redistributed on its join column to meet the inner, which is KEY on its own. */
    DS_DIST_OUTER,
    /** A copy of the (smaller) inner goes to every node. */
    DS_BCAST_INNER,
    /** Both sides are redistributed on the join columns. */
    DS_DIST_BOTH,
    /** Not a Redshift label: a GROUP BY not on the rows' distribution column sends partial groups to their slice. */
    REDISTRIBUTE_AGGREGATE
}
