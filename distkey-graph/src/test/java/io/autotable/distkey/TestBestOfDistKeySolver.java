package io.autotable.distkey;

import io.autotable.distkey.DistKeySolver.Plan;
import io.autotable.distkey.heuristic.GreedyDistKeySolver;
import io.autotable.distkey.heuristic.MostJoinedColumnDistKeySolver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestBestOfDistKeySolver
        extends AbstractTestDistKeySolver
{
    @Override
    protected DistKeySolver solver()
    {
        return new BestOfDistKeySolver();
    }

    @Override
    protected boolean isExact()
    {
        return true;
    }

    @Test
    void namesTheWinnerAndProvesOptimalityWithTheExactSolver()
    {
        Plan plan = solver().solve(TestingJoinGraphs.chain());

        // matching finds 8 too, but only branch and bound proves it
        assertThat(plan.solver()).isEqualTo("best-of(branch-and-bound)");
        assertThat(plan.colocatedWeight()).isEqualTo(8);
        assertThat(plan.optimal()).isTrue();
        assertThat(plan.gap()).isZero();
    }

    @Test
    void keepsTheBestHeuristicAndTheSmallestBound()
    {
        Plan plan = new BestOfDistKeySolver(List.of(new MostJoinedColumnDistKeySolver(), new GreedyDistKeySolver()), Duration.ofNanos(1))
                .solve(TestingJoinGraphs.star());

        assertThat(plan.solver()).isEqualTo("best-of(most-joined-column)");
        assertThat(plan.colocatedWeight()).isEqualTo(10);
    }
}
