/**
 * Fast distribution-key heuristics without optimality guarantee: the most-joined-column baseline,
 * greedy with local improvement, and maximum-weight matching.
 */
package io.autotable.distkey.heuristic;
