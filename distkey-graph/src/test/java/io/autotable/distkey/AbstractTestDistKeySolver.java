package io.autotable.distkey;

import io.autotable.distkey.DistKeySolver.Plan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The contract every {@link DistKeySolver} keeps, on the named fixtures and on seeded random graphs
 * checked against a brute-force oracle: plans are valid, their weight is what their keys colocate,
 * never more than the optimum, never less when the solver says it is optimal; exact solvers find
 * the optimum.
 */
public abstract class AbstractTestDistKeySolver
{
    protected abstract DistKeySolver solver();

    /** Whether the solver always finds the optimum (with its default time limit, on these sizes). */
    protected abstract boolean isExact();

    static List<TestingJoinGraphs.Solved> fixtures()
    {
        return TestingJoinGraphs.fixtures();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void plansOnNamedFixturesAreValidAndWithinTheOptimum(TestingJoinGraphs.Solved fixture)
    {
        assertThat(TestingJoinGraphs.bruteForceOptimum(fixture.graph())).as("fixture's stated optimum").isEqualTo(fixture.optimum());

        Plan plan = solver().solve(fixture.graph());

        assertValid(fixture, plan);
        if (isExact()) {
            assertThat(plan.colocatedWeight()).isEqualTo(fixture.optimum());
            assertThat(plan.optimal()).isTrue();
        }
    }

    @Test
    void plansOnRandomGraphsAreValidAndWithinTheOptimum()
    {
        for (TestingJoinGraphs.Solved solved : TestingJoinGraphs.random()) {
            Plan plan = solver().solve(solved.graph());

            assertValid(solved, plan);
            if (isExact()) {
                assertThat(plan.colocatedWeight()).as(solved.name()).isEqualTo(solved.optimum());
                assertThat(plan.optimal()).as(solved.name()).isTrue();
            }
        }
    }

    @Test
    void ignoresSelfJoins()
    {
        Plan plan = solver().solve(TestingJoinGraphs.selfJoin());

        assertThat(plan.totalWeight()).isEqualTo(1);
        assertThat(plan.keys()).containsOnly(Map.entry("a", Optional.of("x")), Map.entry("b", Optional.of("x")));
    }

    @Test
    void colocatesEverythingWhenNothingConflicts()
    {
        Plan plan = solver().solve(TestingJoinGraphs.sharedColumnCycle());

        assertThat(plan.colocatedWeight()).isEqualTo(plan.totalWeight());
        assertThat(plan.optimal()).isTrue();
        assertThat(plan.keys().values()).containsOnly(Optional.of("id"));
    }

    @Test
    void leavesTablesWithoutJoinsWithoutKey()
    {
        Plan plan = solver().solve(JoinGraph.of(List.of("lonely"), List.of(JoinEdge.of("a", "x", "b", "x", 2))));

        assertThat(plan.key("lonely")).isEmpty();
        assertThat(plan.keys()).containsOnlyKeys("a", "b", "lonely");
    }

    protected static void assertValid(TestingJoinGraphs.Solved solved, Plan plan)
    {
        JoinGraph graph = solved.graph();
        assertThat(plan.keys().keySet()).as(solved.name()).containsExactlyElementsOf(graph.tables());
        plan.keys().forEach((table, key) -> key.ifPresent(column -> assertThat(graph.candidateColumns(table)).as(solved.name()).contains(column)));
        assertThat(plan.colocatedWeight()).as(solved.name()).isCloseTo(graph.colocatedWeight(plan.keys()), within(1e-9));
        assertThat(plan.totalWeight()).as(solved.name()).isCloseTo(graph.totalWeight(), within(1e-9));
        assertThat(plan.colocatedWeight()).as(solved.name()).isLessThanOrEqualTo(solved.optimum() + 1e-9);
        assertThat(plan.upperBound()).as(solved.name()).isGreaterThanOrEqualTo(solved.optimum() - 1e-9);
        if (plan.optimal()) {
            assertThat(plan.colocatedWeight()).as(solved.name()).isCloseTo(solved.optimum(), within(1e-9));
        }
        assertThat(plan.gap()).as(solved.name()).isGreaterThanOrEqualTo(0);
    }
}
