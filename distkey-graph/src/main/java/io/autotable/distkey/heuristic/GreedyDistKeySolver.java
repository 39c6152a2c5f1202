package io.autotable.distkey.heuristic;

import io.autotable.distkey.DistKeySolver;
import io.autotable.distkey.IndexedJoinGraph;
import io.autotable.distkey.JoinGraph;

/**
 * Greedy construction then local improvement, after the heuristics of Parchas et al., "Fast and
 * Effective Distribution-Key Recommendation for Amazon Redshift", PVLDB 13(11), 2020 (the greedy
 * half of their BaW, "best of heuristics and exact").
 * <ol>
 * <li>Construction ({@link LocalSearch#complete}): repeatedly fix the undecided table and column with
 * the largest potential, the weight of its edges that can still be colocated given the decisions so
 * far; an edge whose other table chose a column it does not pair with drops out of every later
 * potential.</li>
 * <li>Improvement ({@link LocalSearch#improve}): change one table's key while that strictly raises
 * the colocated weight.</li>
 * </ol>
 * No approximation guarantee (the problem is hard to approximate); the result is a local optimum.
 * O(n · K · D · a) for the construction (n tables, K columns per table, D the largest degree, a the
 * pairs per edge) plus O(K · E · a) per improvement pass.
 */
public final class GreedyDistKeySolver
        implements DistKeySolver
{
    public static final String NAME = "greedy";

    @Override
    public Plan solve(JoinGraph joinGraph)
    {
        long start = System.nanoTime();
        IndexedJoinGraph graph = new IndexedJoinGraph(joinGraph);
        return HeuristicPlans.plan(graph, keys(graph), NAME, start);
    }

    /** The greedy keys of a graph, for solvers that start from them. */
    public static int[] keys(IndexedJoinGraph graph)
    {
        return LocalSearch.improve(graph, LocalSearch.complete(graph, LocalSearch.unassigned(graph)));
    }
}
