package io.autotable.distkey.heuristic;

import io.autotable.distkey.DistKeySolver.Plan;
import io.autotable.distkey.IndexedJoinGraph;

import java.time.Duration;

final class HeuristicPlans
{
    private HeuristicPlans() {}

    /** A heuristic's plan, bounded by {@link IndexedJoinGraph#ownedBound()}; optimal when it meets the bound. */
    static Plan plan(IndexedJoinGraph graph, int[] keys, String solver, long startNanos)
    {
        double colocated = graph.colocatedWeight(keys);
        double bound = Math.max(graph.ownedBound(), colocated);
        boolean optimal = colocated >= bound - 1e-9 * Math.max(1, bound);
        return new Plan(graph.keys(keys), colocated, graph.totalWeight(), optimal, optimal ? colocated : bound, solver, Duration.ofNanos(System.nanoTime() - startNanos));
    }
}
