package io.autotable.distkey;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random join graphs, for benchmarks and tests of the solvers at sizes no workload at hand has. */
public final class RandomJoinGraphs
{
    private RandomJoinGraphs() {}

    /**
     * {@code tables} tables {@code t0..} with 1 to {@code maxColumns} candidate columns {@code c0..}
     * each, and {@code edges} single-pair joins between two distinct tables chosen uniformly, on
     * uniform columns, with integer weights 1..20 (so sums are exact). Parallel edges merge.
     */
    public static JoinGraph generate(SplittableRandom random, int tables, int maxColumns, int edges)
    {
        if (tables < 2 || maxColumns < 1 || edges < 0) {
            throw DistKeyException.invalid("a random join graph needs >= 2 tables, >= 1 column and >= 0 edges, got %s, %s and %s", tables, maxColumns, edges);
        }
        int[] columns = new int[tables];
        for (int t = 0; t < tables; t++) {
            columns[t] = random.nextInt(1, maxColumns + 1);
        }
        List<JoinEdge> joins = new ArrayList<>(edges);
        for (int i = 0; i < edges; i++) {
            int a = random.nextInt(tables);
            int b = random.nextInt(tables - 1);
            if (b >= a) {
                b++;
            }
            joins.add(JoinEdge.of("t" + a, "c" + random.nextInt(columns[a]), "t" + b, "c" + random.nextInt(columns[b]), random.nextInt(1, 21)));
        }
        return JoinGraph.of(joins);
    }
}
