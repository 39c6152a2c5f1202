package io.autotable.distkey;

import io.autotable.distkey.exact.BranchAndBoundDistKeySolver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The advisor's KEY/ALL/EVEN decisions against brute force over every assignment of every table to
 * EVEN, ALL or one of its candidate keys, on seeded random graphs with random copy costs.
 */
class TestDistributionDecisions
{
    private static final int GRAPHS = 300;
    private static final double EPSILON = 1e-9;

    private final DistributionAdvisor advisor = new DistributionAdvisor(DistributionCostModel.DEFAULT, new BranchAndBoundDistKeySolver(Duration.ofSeconds(10)));

    @Test
    void decisionsAreNeverWorseThanTheBestKeysAloneNorBetterThanBruteForce()
    {
        SplittableRandom random = new SplittableRandom(20261124);
        int optimal = 0;
        double worstGap = 0;
        for (int i = 0; i < GRAPHS; i++) {
            SplittableRandom graphRandom = random.split();
            JoinGraph graph = RandomJoinGraphs.generate(graphRandom, graphRandom.nextInt(2, 7), 3, graphRandom.nextInt(1, 10));
            Map<String, Double> allCosts = new HashMap<>();
            for (String table : graph.tables()) {
                // a quarter of the tables have no known size; the others cost from nothing to more than every join
                allCosts.put(table, graphRandom.nextInt(4) == 0 ? Double.NaN : graphRandom.nextDouble() * graph.totalWeight() / 2);
            }
            Set<String> tables = new TreeSet<>(graph.tables());

            DistributionAdvisor.Decision decision = advisor.decide(graph, tables, allCosts, Map.of());
            double net = DistributionAdvisor.score(graph, decision.distributions(), allCosts).netSavedBytes();
            double keysOnly = new BranchAndBoundDistKeySolver(Duration.ofSeconds(10)).solve(graph).colocatedWeight();
            double best = bruteForce(graph, allCosts);

            assertThat(net).as("graph %d", i).isLessThanOrEqualTo(best + EPSILON * Math.max(1, best));
            assertThat(net).as("graph %d", i).isGreaterThanOrEqualTo(keysOnly - EPSILON * Math.max(1, keysOnly));
            decision.distributions().forEach((table, distribution) -> distribution.distkey()
                    .ifPresent(key -> assertThat(graph.candidateColumns(table)).contains(key)));
            if (net >= best - EPSILON * Math.max(1, best)) {
                optimal++;
            }
            else {
                worstGap = Math.max(worstGap, (best - net) / best);
            }
        }
        // the ALL choice is greedy, so not always optimal: with this seed it is on 298 of 300 graphs, 7.2 % short at worst
        assertThat(optimal).as("optimal %d, worst gap %.4f", optimal, worstGap).isGreaterThanOrEqualTo(GRAPHS * 98 / 100);
        assertThat(worstGap).isLessThan(0.10);
    }

    /** Every table EVEN, ALL (when its size is known) or keyed on a candidate column: the best net saving. */
    private static double bruteForce(JoinGraph graph, Map<String, Double> allCosts)
    {
        List<String> tables = graph.tables();
        List<List<Distribution>> options = new ArrayList<>();
        for (String table : tables) {
            List<Distribution> choices = new ArrayList<>();
            choices.add(Distribution.even());
            if (!Double.isNaN(allCosts.get(table))) {
                choices.add(Distribution.all());
            }
            graph.candidateColumns(table).forEach(column -> choices.add(Distribution.key(column)));
            options.add(choices);
        }
        int[] odometer = new int[tables.size()];
        double best = Double.NEGATIVE_INFINITY;
        Map<String, Distribution> assignment = new HashMap<>();
        while (true) {
            for (int t = 0; t < tables.size(); t++) {
                assignment.put(tables.get(t), options.get(t).get(odometer[t]));
            }
            best = Math.max(best, DistributionAdvisor.score(graph, assignment, allCosts).netSavedBytes());
            int t = 0;
            while (t < tables.size() && ++odometer[t] == options.get(t).size()) {
                odometer[t] = 0;
                t++;
            }
            if (t == tables.size()) {
                return best;
            }
        }
    }
}
