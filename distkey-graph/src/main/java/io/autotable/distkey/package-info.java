/**
 * Distribution-key recommendation: the workload's join multigraph ({@link io.autotable.distkey.JoinGraph},
 * built by {@link io.autotable.distkey.JoinGraphBuilder} with edges weighted by the bytes a join moves
 * unless colocated) and the {@link io.autotable.distkey.DistKeySolver} interface that picks one key per
 * table to colocate the most weight (Parchas et al., PVLDB 13(11), 2020). Heuristics are in
 * {@code heuristic}, the exact branch and bound in {@code exact};
 * {@link io.autotable.distkey.BestOfDistKeySolver} runs them all.
 */
package io.autotable.distkey;
