/**
 * Column statistics computed in one pass over a table's rows: null fraction, distinct count (exact
 * while small, a HyperLogLog sketch beyond), min/max, most common values, equi-depth histogram
 * (a KLL quantile sketch) and average width.
 */
package io.autotable.simulator.stats;
