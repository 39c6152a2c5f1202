package io.autotable.distkey.heuristic;

import io.autotable.distkey.IndexedJoinGraph;

import java.util.Arrays;

import static io.autotable.distkey.IndexedJoinGraph.NO_KEY;

/**
 * The two steps the heuristics share: a greedy completion of a partial key assignment, and a
 * one-table-at-a-time improvement to a local optimum.
 */
public final class LocalSearch
{
    private static final double EPSILON = 1e-9;

    private LocalSearch() {}

    /**
     * Completes {@code keys} (tables with {@link IndexedJoinGraph#NO_KEY} are undecided) greedily:
     * repeatedly fixes the undecided table and column with the largest potential, the weight of its
     * edges still colocatable (the other table undecided, or decided on a matching column), ties
     * broken by the weight already colocated then by the lowest index. Decided tables are never
     * changed. O(n · K · D · a) for n tables, K columns per table, D the largest degree and a pairs per edge.
     */
    public static int[] complete(IndexedJoinGraph graph, int[] keys)
    {
        int n = graph.tables();
        int[] result = keys.clone();
        boolean[] decided = new boolean[n];
        int undecided = 0;
        for (int t = 0; t < n; t++) {
            decided[t] = result[t] != NO_KEY || graph.columns(t) == 0;
            if (!decided[t]) {
                undecided++;
            }
        }
        while (undecided > 0) {
            int bestTable = -1;
            int bestColumn = -1;
            double bestPotential = -1;
            double bestGain = -1;
            for (int t = 0; t < n; t++) {
                if (decided[t]) {
                    continue;
                }
                for (int c = 0; c < graph.columns(t); c++) {
                    double potential = 0;
                    double gain = 0;
                    for (int e : graph.incident(t)) {
                        int other = graph.other(e, t);
                        if (graph.compatible(e, t, c, result[other], decided[other])) {
                            potential += graph.weight(e);
                            if (decided[other]) {
                                gain += graph.weight(e);
                            }
                        }
                    }
                    if (potential > bestPotential + EPSILON || potential > bestPotential - EPSILON && gain > bestGain + EPSILON) {
                        bestTable = t;
                        bestColumn = c;
                        bestPotential = potential;
                        bestGain = gain;
                    }
                }
            }
            result[bestTable] = bestColumn;
            decided[bestTable] = true;
            undecided--;
        }
        return result;
    }

    /**
     * Improves {@code keys} in place: while some table can switch to a column that colocates strictly
     * more weight with its neighbours' current keys, switch it. Every switch raises the objective, so
     * this ends at a local optimum (no single-table change helps); each pass is O(K · E · a).
     */
    public static int[] improve(IndexedJoinGraph graph, int[] keys)
    {
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int t = 0; t < graph.tables(); t++) {
                double current = keys[t] == NO_KEY ? 0 : graph.gain(keys, t, keys[t]);
                for (int c = 0; c < graph.columns(t); c++) {
                    double gain = graph.gain(keys, t, c);
                    if (gain > current + EPSILON * Math.max(1, current)) {
                        keys[t] = c;
                        current = gain;
                        improved = true;
                    }
                }
            }
        }
        return keys;
    }

    static int[] unassigned(IndexedJoinGraph graph)
    {
        int[] keys = new int[graph.tables()];
        Arrays.fill(keys, NO_KEY);
        return keys;
    }
}
