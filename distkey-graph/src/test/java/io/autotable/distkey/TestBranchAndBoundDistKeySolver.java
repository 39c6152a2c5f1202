package io.autotable.distkey;

import io.autotable.distkey.DistKeySolver.Plan;
import io.autotable.distkey.exact.BranchAndBoundDistKeySolver;
import io.autotable.distkey.heuristic.GreedyDistKeySolver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TestBranchAndBoundDistKeySolver
        extends AbstractTestDistKeySolver
{
    @Override
    protected DistKeySolver solver()
    {
        return new BranchAndBoundDistKeySolver();
    }

    @Override
    protected boolean isExact()
    {
        return true;
    }

    @Test
    void stopsAtItsTimeLimitWithTheBestPlanAndABound()
    {
        // 150 tables: 100 already take more than 2 s to prove
        JoinGraph large = TestingJoinGraphs.randomGraph(new SplittableRandom(7), 150, 4, 300);

        Plan plan = new BranchAndBoundDistKeySolver(Duration.ofMillis(50)).solve(large);

        assertThat(plan.optimal()).isFalse();
        assertThat(plan.elapsed()).isLessThan(Duration.ofSeconds(2));
        assertThat(plan.colocatedWeight()).isEqualTo(large.colocatedWeight(plan.keys()));
        assertThat(plan.colocatedWeight()).isGreaterThanOrEqualTo(new GreedyDistKeySolver().solve(large).colocatedWeight());
        assertThat(plan.upperBound()).isGreaterThan(plan.colocatedWeight()).isLessThanOrEqualTo(plan.totalWeight());
        assertThat(plan.gap()).isPositive();
    }

    @Test
    void boundWhenStoppedEarlyIsNeverBelowTheOptimum()
    {
        int stopped = 0;
        for (TestingJoinGraphs.Solved solved : TestingJoinGraphs.random()) {
            for (long nodeLimit : new long[] {1, 2, 5}) {
                Plan plan = new BranchAndBoundDistKeySolver(Duration.ofSeconds(10), nodeLimit).solve(solved.graph());

                assertValid(solved, plan);
                stopped += plan.optimal() ? 0 : 1;
            }
        }
        assertThat(stopped).isGreaterThan(100);
    }

    @Test
    void provesOptimalityOnMediumGraphsQuickly()
    {
        SplittableRandom random = new SplittableRandom(TestingJoinGraphs.RANDOM_SEED);
        for (int i = 0; i < 20; i++) {
            JoinGraph graph = TestingJoinGraphs.randomGraph(random.split(), 16, 4);

            Plan plan = new BranchAndBoundDistKeySolver(Duration.ofSeconds(10)).solve(graph);

            assertThat(plan.optimal()).isTrue();
            assertThat(plan.upperBound()).isEqualTo(plan.colocatedWeight());
        }
    }
}
