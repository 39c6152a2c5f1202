package io.autotable.distkey.exact;

import io.autotable.distkey.DistKeyException;
import io.autotable.distkey.DistKeySolver;
import io.autotable.distkey.IndexedJoinGraph;
import io.autotable.distkey.JoinGraph;
import io.autotable.distkey.heuristic.GreedyDistKeySolver;
import org.jgrapht.alg.connectivity.ConnectivityInspector;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The exact solver: depth-first branch and bound over the tables' keys, the "exact" half of BaW in
 * Parchas et al., "Fast and Effective Distribution-Key Recommendation for Amazon Redshift", PVLDB
 * 13(11), 2020, done here as a direct search over the keys.
 * <p>
 * <b>Decomposition.</b> Edges never cross connected components, so each component is solved on its
 * own and the plans added.
 * <p>
 * <b>Order.</b> Within a component, tables are decided in maximum-adjacency order: first the table
 * with the most incident weight, then repeatedly the table with the most weight to the tables already
 * ordered, so each decision closes as many edges as it can. A table's columns are tried best bound first.
 * <p>
 * <b>Bound.</b> With the tables before position {@code d} decided, every remaining edge is owned by
 * its endpoint later in the order if the other endpoint is decided, else by its earlier endpoint. Let
 * {@code D_p(c)} be the weight of edges from decided tables that table {@code p} keyed on {@code c}
 * would colocate, and {@code S_p(c)} the weight of edges from {@code p} to tables after it with
 * {@code c} on {@code p}'s side of some pair. Then
 * <pre>
 *     bound = colocated(decided edges) + sum over p >= d of max_c (D_p(c) + S_p(c))
 * </pre>
 * is valid: in any completion an edge owned by {@code p} is colocated only if {@code p}'s key is on
 * its side of one of its pairs, and {@code p} has one key. {@code S} is static; {@code D} is updated
 * in O(degree · a) when a table is decided, so a node costs O(K · (D · a + sum of K)) for K columns per
 * table. A branch is cut when its bound does not beat the incumbent, which starts as the
 * {@link GreedyDistKeySolver greedy} plan.
 * <p>
 * <b>Guarantee.</b> Without a time limit the plan is optimal ({@code upperBound == colocatedWeight}).
 * Worst case O(prod of K_t) nodes. When the time limit (or the node limit, a budget that does not
 * depend on the machine) stops the search the best plan so far is
 * returned with {@code optimal == false} and an upper bound: the largest bound among the branches not
 * yet explored (children's bounds are computed before they are entered, so this is exact bookkeeping,
 * not the root bound).
 */
public final class BranchAndBoundDistKeySolver
        implements DistKeySolver
{
    public static final String NAME = "branch-and-bound";
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

    private static final double EPSILON = 1e-9;

    private final Duration timeLimit;
    private final long nodeLimit;

    public BranchAndBoundDistKeySolver()
    {
        this(DEFAULT_TIME_LIMIT);
    }

    public BranchAndBoundDistKeySolver(Duration timeLimit)
    {
        this(timeLimit, Long.MAX_VALUE);
    }

    /**
     * @param timeLimit when to stop searching and return the best plan so far with a bound
     * @param nodeLimit how many search nodes to explore at most, for a budget that gives the same
     *        plan on every machine
     */
    public BranchAndBoundDistKeySolver(Duration timeLimit, long nodeLimit)
    {
        requireNonNull(timeLimit, "timeLimit is null");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw DistKeyException.invalid("timeLimit must be positive, got %s", timeLimit);
        }
        if (nodeLimit < 1) {
            throw DistKeyException.invalid("nodeLimit must be >= 1, got %s", nodeLimit);
        }
        this.timeLimit = timeLimit;
        this.nodeLimit = nodeLimit;
    }

    @Override
    public Plan solve(JoinGraph joinGraph)
    {
        long start = System.nanoTime();
        long deadline = start + Math.min(timeLimit.toNanos(), Long.MAX_VALUE / 4);
        IndexedJoinGraph graph = new IndexedJoinGraph(joinGraph);
        int[] keys = GreedyDistKeySolver.keys(graph);

        List<Set<String>> components = new ConnectivityInspector<>(joinGraph.graph()).connectedSets();
        Map<String, Integer> tableIndex = new HashMap<>();
        for (int t = 0; t < joinGraph.tables().size(); t++) {
            tableIndex.put(joinGraph.tables().get(t), t);
        }
        Search search = new Search(graph, keys, deadline, nodeLimit);
        double colocated = 0;
        double bound = 0;
        for (Set<String> component : components) {
            List<Integer> members = new ArrayList<>();
            for (String table : component) {
                int index = tableIndex.get(table);
                if (graph.columns(index) > 0) {
                    members.add(index);
                }
            }
            double[] result = search.solve(members);
            colocated += result[0];
            bound += result[1];
        }
        boolean optimal = !search.aborted || bound <= colocated + EPSILON * Math.max(1, colocated);
        return new Plan(graph.keys(keys), colocated, graph.totalWeight(), optimal, optimal ? colocated : Math.max(bound, colocated), NAME,
                Duration.ofNanos(System.nanoTime() - start));
    }

    private static final class Search
    {
        private final IndexedJoinGraph graph;
        private final int[] keys;
        private final long deadline;
        private final long nodeLimit;
        private boolean aborted;
        private long nodes;

        // per component, by position in the order
        private int[] order;
        private int[] position;
        private double[][] forward;
        private double[][] fromDecided;
        private int[] current;
        private double best;

        Search(IndexedJoinGraph graph, int[] keys, long deadline, long nodeLimit)
        {
            this.nodeLimit = nodeLimit;
            this.graph = graph;
            this.keys = keys;
            this.deadline = deadline;
            this.position = new int[graph.tables()];
        }

        /** Solves one component in place in {@code keys}: returns {colocated, upper bound}. */
        double[] solve(List<Integer> members)
        {
            int m = members.size();
            if (m == 0) {
                return new double[] {0, 0};
            }
            order = maximumAdjacencyOrder(members);
            Arrays.fill(position, -1);
            for (int p = 0; p < m; p++) {
                position[order[p]] = p;
            }
            forward = new double[m][];
            fromDecided = new double[m][];
            for (int p = 0; p < m; p++) {
                int table = order[p];
                forward[p] = new double[graph.columns(table)];
                fromDecided[p] = new double[graph.columns(table)];
                for (int e : graph.incident(table)) {
                    if (position[graph.other(e, table)] > p) {
                        for (int c = 0; c < graph.columns(table); c++) {
                            if (graph.touches(e, table, c)) {
                                forward[p][c] += graph.weight(e);
                            }
                        }
                    }
                }
            }
            current = new int[m];
            best = 0;
            for (int p = 0; p < m; p++) {
                for (int e : graph.incident(order[p])) {
                    int other = graph.other(e, order[p]);
                    if (position[other] > p && graph.colocates(e, keys[graph.tableA(e)], keys[graph.tableB(e)])) {
                        best += graph.weight(e);
                    }
                }
            }
            double unexplored = search(0, 0);
            return new double[] {best, Math.max(best, unexplored)};
        }

        /**
         * Explores the subtree below the decided prefix {@code [0, depth)}; returns the largest bound
         * among the branches it left unexplored when time ran out, or -infinity when it finished.
         */
        private double search(int depth, double colocated)
        {
            int m = order.length;
            if (depth == m) {
                if (colocated > best + EPSILON * Math.max(1, best)) {
                    best = colocated;
                    for (int p = 0; p < m; p++) {
                        keys[order[p]] = current[p];
                    }
                }
                return Double.NEGATIVE_INFINITY;
            }
            int table = order[depth];
            int columns = graph.columns(table);
            double[] childBound = new double[columns];
            Integer[] tryOrder = new Integer[columns];
            for (int c = 0; c < columns; c++) {
                apply(depth, c, 1);
                childBound[c] = colocated + fromDecided[depth][c] + remainingBound(depth + 1);
                apply(depth, c, -1);
                tryOrder[c] = c;
            }
            Arrays.sort(tryOrder, (x, y) -> childBound[y] != childBound[x] ? Double.compare(childBound[y], childBound[x]) : Integer.compare(x, y));
            nodes++;
            if (nodes >= nodeLimit || (nodes & 1023) == 0 && System.nanoTime() > deadline) {
                aborted = true;
            }
            for (int i = 0; i < columns; i++) {
                int c = tryOrder[i];
                if (childBound[c] <= best + EPSILON * Math.max(1, best)) {
                    return Double.NEGATIVE_INFINITY;
                }
                if (aborted) {
                    return childBound[c];
                }
                current[depth] = c;
                double gain = fromDecided[depth][c];
                apply(depth, c, 1);
                double unexplored = search(depth + 1, colocated + gain);
                apply(depth, c, -1);
                if (aborted) {
                    for (int j = i + 1; j < columns; j++) {
                        if (childBound[tryOrder[j]] > best) {
                            unexplored = Math.max(unexplored, childBound[tryOrder[j]]);
                        }
                    }
                    return unexplored;
                }
            }
            return Double.NEGATIVE_INFINITY;
        }

        /** Adds ({@code sign} 1) or removes (-1) what deciding position {@code p} on column {@code c} contributes to later tables' {@code D}. */
        private void apply(int p, int c, int sign)
        {
            int table = order[p];
            for (int e : graph.incident(table)) {
                int other = graph.other(e, table);
                int q = position[other];
                if (q <= p) {
                    continue;
                }
                boolean isA = graph.tableA(e) == table;
                int[] pairs = graph.alternatives(e);
                for (int i = 0; i < pairs.length; i += 2) {
                    // pairs are distinct, so pairs with our column c have distinct columns on the other side
                    if ((isA ? pairs[i] : pairs[i + 1]) == c) {
                        fromDecided[q][isA ? pairs[i + 1] : pairs[i]] += sign * graph.weight(e);
                    }
                }
            }
        }

        private double remainingBound(int from)
        {
            double bound = 0;
            for (int p = from; p < order.length; p++) {
                double bestColumn = 0;
                double[] f = forward[p];
                double[] d = fromDecided[p];
                for (int c = 0; c < f.length; c++) {
                    bestColumn = Math.max(bestColumn, f[c] + d[c]);
                }
                bound += bestColumn;
            }
            return bound;
        }

        private int[] maximumAdjacencyOrder(List<Integer> members)
        {
            int m = members.size();
            double[] total = new double[graph.tables()];
            double[] toOrdered = new double[graph.tables()];
            boolean[] member = new boolean[graph.tables()];
            boolean[] ordered = new boolean[graph.tables()];
            for (int table : members) {
                member[table] = true;
                for (int e : graph.incident(table)) {
                    total[table] += graph.weight(e);
                }
            }
            int[] result = new int[m];
            for (int p = 0; p < m; p++) {
                int next = -1;
                for (int table : members) {
                    if (!ordered[table] && (next == -1 || toOrdered[table] > toOrdered[next]
                            || toOrdered[table] == toOrdered[next] && total[table] > total[next])) {
                        next = table;
                    }
                }
                result[p] = next;
                ordered[next] = true;
                for (int e : graph.incident(next)) {
                    int other = graph.other(e, next);
                    if (member[other]) {
                        toOrdered[other] += graph.weight(e);
                    }
                }
            }
            return result;
        }
    }
}
