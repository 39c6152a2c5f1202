package io.autotable.distkey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Named join graphs with known optima, seeded random graphs, and a deliberately naive brute-force
 * oracle for the optimum.
 */
public final class TestingJoinGraphs
{
    public static final long RANDOM_SEED = 20200901L;
    public static final int RANDOM_GRAPHS = 500;

    private static final List<Solved> RANDOM = solveAll(randomGraphs(RANDOM_SEED, RANDOM_GRAPHS, 8, 4));

    private TestingJoinGraphs() {}

    /** A graph, its name and its optimum colocated weight. */
    public record Solved(String name, JoinGraph graph, double optimum)
    {
        @Override
        public String toString()
        {
            return name;
        }
    }

    public static List<Solved> fixtures()
    {
        return List.of(
                new Solved("star", star(), 10),
                new Solved("chain", chain(), 8),
                new Solved("cycle", cycle(), 5),
                new Solved("shared-column cycle", sharedColumnCycle(), 12),
                new Solved("disconnected", disconnected(), 18),
                new Solved("self join", selfJoin(), 1),
                new Solved("parallel edges", parallelEdges(), 8),
                new Solved("composite keys", compositeKeys(), 14),
                new Solved("empty", JoinGraph.of(List.of()), 0),
                new Solved("isolated table", JoinGraph.of(List.of("lonely"), List.of(JoinEdge.of("a", "x", "b", "x", 2))), 2));
    }

    /** {@value #RANDOM_GRAPHS} seeded random graphs of up to 8 tables with up to 4 candidate columns, with their optima. */
    public static List<Solved> random()
    {
        return RANDOM;
    }

    /** A fact table joined to three dimensions on three different columns: only one can be colocated. */
    public static JoinGraph star()
    {
        return JoinGraph.of(List.of(
                JoinEdge.of("fact", "a", "d1", "id", 10),
                JoinEdge.of("fact", "b", "d2", "id", 5),
                JoinEdge.of("fact", "c", "d3", "id", 3)));
    }

    /** t1 -x- t2 -y- t3 -z- t4: the middle edge is heaviest, but both outer ones together beat it. */
    public static JoinGraph chain()
    {
        return JoinGraph.of(List.of(
                JoinEdge.of("t1", "x", "t2", "x", 4),
                JoinEdge.of("t2", "y", "t3", "y", 5),
                JoinEdge.of("t3", "z", "t4", "z", 4)));
    }

    /** A triangle on three different columns: any two edges conflict, so only the heaviest is colocated. */
    public static JoinGraph cycle()
    {
        return JoinGraph.of(List.of(
                JoinEdge.of("a", "x", "b", "x", 3),
                JoinEdge.of("b", "y", "c", "y", 4),
                JoinEdge.of("c", "z", "a", "z", 5)));
    }

    /** A four-cycle all on {@code id}: everything can be colocated. */
    public static JoinGraph sharedColumnCycle()
    {
        return JoinGraph.of(List.of(
                JoinEdge.of("a", "id", "b", "id", 1),
                JoinEdge.of("b", "id", "c", "id", 2),
                JoinEdge.of("c", "id", "d", "id", 4),
                JoinEdge.of("d", "id", "a", "id", 5)));
    }

    /** The star and the chain side by side, renamed apart: optima add up. */
    public static JoinGraph disconnected()
    {
        List<JoinEdge> edges = new ArrayList<>(star().edges());
        chain().edges().forEach(edge -> edges.add(new JoinEdge("c_" + edge.tableA(), "c_" + edge.tableB(), edge.pairs(), edge.weight(), edge.queries())));
        return JoinGraph.of(edges);
    }

    /** A heavy self join, which no key affects and the graph drops, and one light real join. */
    public static JoinGraph selfJoin()
    {
        return JoinGraph.of(List.of(
                JoinEdge.of("a", "x", "a", "y", 100),
                JoinEdge.of("a", "x", "b", "x", 1)));
    }

    /** Two tables joined on two different column pairs, one of them seen twice (merged to 7). */
    public static JoinGraph parallelEdges()
    {
        return JoinGraph.of(List.of(
                JoinEdge.of("a", "x", "b", "x", 5),
                JoinEdge.of("a", "y", "b", "y", 4),
                JoinEdge.of("b", "y", "a", "y", 3),
                JoinEdge.of("a", "x", "c", "x", 3)));
    }

    /**
     * A composite join {@code a.x = b.x AND a.y = b.y}, satisfied by keying both on {@code x} or both
     * on {@code y}; keying on {@code y} also colocates {@code b.y = c.y}, which beats {@code a.x = d.x}.
     */
    public static JoinGraph compositeKeys()
    {
        return JoinGraph.of(List.of(
                new JoinEdge("a", "b", List.of(new JoinEdge.ColumnPair("x", "x"), new JoinEdge.ColumnPair("y", "y")), 10, List.of("q1")),
                JoinEdge.of("b", "y", "c", "y", 4),
                JoinEdge.of("a", "x", "d", "x", 3)));
    }

    /**
     * Random graphs: 2 to {@code maxTables} tables with 1 to {@code maxColumns} columns each, up to
     * twice as many edges as tables between random distinct tables, a fifth of them composite,
     * integer weights 1..20 (so sums are exact).
     */
    public static List<JoinGraph> randomGraphs(long seed, int count, int maxTables, int maxColumns)
    {
        SplittableRandom random = new SplittableRandom(seed);
        List<JoinGraph> graphs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            graphs.add(randomGraph(random.split(), maxTables, maxColumns));
        }
        return graphs;
    }

    public static JoinGraph randomGraph(SplittableRandom random, int maxTables, int maxColumns)
    {
        int tables = random.nextInt(2, maxTables + 1);
        int[] columns = new int[tables];
        for (int t = 0; t < tables; t++) {
            columns[t] = random.nextInt(1, maxColumns + 1);
        }
        int edgeCount = random.nextInt(0, 2 * tables + 1);
        List<JoinEdge> edges = new ArrayList<>();
        for (int i = 0; i < edgeCount; i++) {
            int a = random.nextInt(tables);
            int b = random.nextInt(tables - 1);
            if (b >= a) {
                b++;
            }
            int pairs = random.nextInt(5) == 0 ? random.nextInt(2, 4) : 1;
            List<JoinEdge.ColumnPair> alternatives = new ArrayList<>();
            for (int p = 0; p < pairs; p++) {
                alternatives.add(new JoinEdge.ColumnPair("c" + random.nextInt(columns[a]), "c" + random.nextInt(columns[b])));
            }
            edges.add(new JoinEdge("t" + a, "t" + b, alternatives, random.nextInt(1, 21), List.of()));
        }
        return JoinGraph.of(edges);
    }

    /** {@code tables} tables with 1 to {@code maxColumns} columns, {@code edges} single-pair edges of weight 1..20. */
    public static JoinGraph randomGraph(SplittableRandom random, int tables, int maxColumns, int edges)
    {
        return RandomJoinGraphs.generate(random, tables, maxColumns, edges);
    }

    /**
     * The optimum by brute force: every combination of a candidate column or no key for every
     * table, each weighed edge by edge through {@link JoinEdge#isColocatedBy}. Exponential and slow
     * on purpose: it shares nothing with the solvers.
     */
    public static double bruteForceOptimum(JoinGraph graph)
    {
        List<String> tables = graph.tables();
        List<List<Optional<String>>> choices = new ArrayList<>();
        for (String table : tables) {
            List<Optional<String>> options = new ArrayList<>();
            options.add(Optional.empty());
            graph.candidateColumns(table).forEach(column -> options.add(Optional.of(column)));
            choices.add(options);
        }
        int[] odometer = new int[tables.size()];
        Map<String, Optional<String>> keys = new HashMap<>();
        double best = 0;
        while (true) {
            for (int t = 0; t < tables.size(); t++) {
                keys.put(tables.get(t), choices.get(t).get(odometer[t]));
            }
            double colocated = 0;
            for (JoinEdge edge : graph.edges()) {
                if (edge.isColocatedBy(keys.get(edge.tableA()), keys.get(edge.tableB()))) {
                    colocated += edge.weight();
                }
            }
            best = Math.max(best, colocated);
            int t = 0;
            while (t < tables.size() && ++odometer[t] == choices.get(t).size()) {
                odometer[t] = 0;
                t++;
            }
            if (t == tables.size()) {
                return best;
            }
        }
    }

    private static List<Solved> solveAll(List<JoinGraph> graphs)
    {
        List<Solved> solved = new ArrayList<>();
        for (int i = 0; i < graphs.size(); i++) {
            solved.add(new Solved("random #" + i, graphs.get(i), bruteForceOptimum(graphs.get(i))));
        }
        return List.copyOf(solved);
    }
}
