package io.autotable.distkey.heuristic;

import io.autotable.distkey.DistKeySolver;
import io.autotable.distkey.IndexedJoinGraph;
import io.autotable.distkey.JoinGraph;

/**
 * The naive baseline: every table, on its own, takes the column with the most total weight of
 * incident edges (an edge counts for each of its columns on the table's side), ties to the first
 * column by name. It ignores what the neighbours choose, so it can miss every edge (each side of a
 * chain picking its other join); it is what a DBA keying "the column it is most joined on" does.
 * <p>
 * O(E · a) for E edges with a alternative pairs each.
 */
public final class MostJoinedColumnDistKeySolver
        implements DistKeySolver
{
    public static final String NAME = "most-joined-column";

    @Override
    public Plan solve(JoinGraph joinGraph)
    {
        long start = System.nanoTime();
        IndexedJoinGraph graph = new IndexedJoinGraph(joinGraph);
        int[] keys = LocalSearch.unassigned(graph);
        for (int t = 0; t < graph.tables(); t++) {
            double best = -1;
            for (int c = 0; c < graph.columns(t); c++) {
                double touching = 0;
                for (int e : graph.incident(t)) {
                    if (graph.touches(e, t, c)) {
                        touching += graph.weight(e);
                    }
                }
                if (touching > best) {
                    best = touching;
                    keys[t] = c;
                }
            }
        }
        return HeuristicPlans.plan(graph, keys, NAME, start);
    }
}
