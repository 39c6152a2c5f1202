package io.autotable.distkey.heuristic;

import io.autotable.distkey.DistKeySolver;
import io.autotable.distkey.IndexedJoinGraph;
import io.autotable.distkey.JoinGraph;
import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.MatchingAlgorithm;
import org.jgrapht.alg.matching.blossom.v5.KolmogorovWeightedMatching;
import org.jgrapht.alg.matching.blossom.v5.ObjectiveSense;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.jgrapht.util.SupplierUtil;

import java.util.Map;
import java.util.TreeMap;

/**
 * A maximum-weight-matching heuristic, in the spirit of the heuristics of Parchas et al., "Fast and
 * Effective Distribution-Key Recommendation for Amazon Redshift", PVLDB 13(11), 2020.
 * <ol>
 * <li>Collapse the multigraph to a simple graph of tables: between tables {@code a} and {@code b},
 * the weight of the best single column pair {@code (x, y)}, summed over every parallel edge that
 * {@code (x, y)} colocates.</li>
 * <li>Take a maximum-weight matching of it (Kolmogorov's Blossom V, as JGraphT implements it). Its
 * edges share no table, so keying each matched pair on its best column pair colocates all of them at
 * once: the plan is worth at least the matching, which is at least the heaviest single join.</li>
 * <li>Key the unmatched tables greedily given the matched ones ({@link LocalSearch#complete}), then
 * improve one table at a time ({@link LocalSearch#improve}), which may also re-key matched tables.</li>
 * </ol>
 * O(E · a) to collapse, O(n³)-ish for Blossom V on n tables, then the greedy's cost.
 */
public final class MatchingDistKeySolver
        implements DistKeySolver
{
    public static final String NAME = "matching";

    @Override
    public Plan solve(JoinGraph joinGraph)
    {
        long start = System.nanoTime();
        IndexedJoinGraph graph = new IndexedJoinGraph(joinGraph);
        int n = graph.tables();

        // per pair of tables (a < b), the weight each column pair colocates; key = (a, b, x, y) packed
        Map<Long, Double> pairWeights = new TreeMap<>();
        int widest = 1;
        for (int t = 0; t < n; t++) {
            widest = Math.max(widest, graph.columns(t));
        }
        int maxColumns = widest;
        for (int e = 0; e < graph.edges(); e++) {
            int[] pairs = graph.alternatives(e);
            for (int i = 0; i < pairs.length; i += 2) {
                long key = pack(graph.tableA(e), graph.tableB(e), pairs[i], pairs[i + 1], n, maxColumns);
                pairWeights.merge(key, graph.weight(e), Double::sum);
            }
        }
        Map<Long, long[]> bestPair = new TreeMap<>();
        Map<Long, Double> bestWeight = new TreeMap<>();
        pairWeights.forEach((key, weight) -> {
            long[] unpacked = unpack(key, n, maxColumns);
            long tables = unpacked[0] * n + unpacked[1];
            if (weight > bestWeight.getOrDefault(tables, -1.0)) {
                bestWeight.put(tables, weight);
                bestPair.put(tables, unpacked);
            }
        });

        // Blossom V copies the graph, so it needs suppliers; the integer supplier numbers tables 0..n-1
        Graph<Integer, DefaultWeightedEdge> tableGraph = new SimpleWeightedGraph<>(SupplierUtil.createIntegerSupplier(), SupplierUtil.DEFAULT_WEIGHTED_EDGE_SUPPLIER);
        for (int t = 0; t < n; t++) {
            tableGraph.addVertex();
        }
        bestWeight.forEach((tables, weight) -> {
            int a = (int) (tables / n);
            int b = (int) (tables % n);
            tableGraph.setEdgeWeight(tableGraph.addEdge(a, b), weight);
        });

        int[] keys = LocalSearch.unassigned(graph);
        if (tableGraph.edgeSet().size() > 0) {
            MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> matching =
                    new KolmogorovWeightedMatching<>(tableGraph, ObjectiveSense.MAXIMIZE).getMatching();
            for (DefaultWeightedEdge edge : matching.getEdges()) {
                int a = tableGraph.getEdgeSource(edge);
                int b = tableGraph.getEdgeTarget(edge);
                long[] pair = bestPair.get((long) Math.min(a, b) * n + Math.max(a, b));
                keys[(int) pair[0]] = (int) pair[2];
                keys[(int) pair[1]] = (int) pair[3];
            }
        }
        keys = LocalSearch.improve(graph, LocalSearch.complete(graph, keys));
        return HeuristicPlans.plan(graph, keys, NAME, start);
    }

    private static long pack(int a, int b, int x, int y, int n, int columns)
    {
        return ((((long) a * n) + b) * columns + x) * columns + y;
    }

    private static long[] unpack(long key, int n, int columns)
    {
        long y = key % columns;
        key /= columns;
        long x = key % columns;
        key /= columns;
        return new long[] {key / n, key % n, x, y};
    }
}
