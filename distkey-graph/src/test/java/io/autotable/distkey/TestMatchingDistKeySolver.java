package io.autotable.distkey;

import io.autotable.distkey.heuristic.GreedyDistKeySolver;
import io.autotable.distkey.heuristic.MatchingDistKeySolver;
import io.autotable.distkey.heuristic.MostJoinedColumnDistKeySolver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestMatchingDistKeySolver
        extends AbstractTestDistKeySolver
{
    @Override
    protected DistKeySolver solver()
    {
        return new MatchingDistKeySolver();
    }

    @Override
    protected boolean isExact()
    {
        return false;
    }

    @Test
    void colocatesBothOuterJoinsOfAChainWhereGreedyTakesTheHeaviestMiddleOne()
    {
        assertThat(new MostJoinedColumnDistKeySolver().solve(TestingJoinGraphs.chain()).colocatedWeight()).isEqualTo(5);
        assertThat(new GreedyDistKeySolver().solve(TestingJoinGraphs.chain()).colocatedWeight()).isEqualTo(5);

        assertThat(solver().solve(TestingJoinGraphs.chain()).colocatedWeight()).isEqualTo(8);
    }
}
