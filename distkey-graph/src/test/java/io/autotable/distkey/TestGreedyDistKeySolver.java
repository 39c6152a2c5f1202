package io.autotable.distkey;

import io.autotable.distkey.heuristic.GreedyDistKeySolver;

class TestGreedyDistKeySolver
        extends AbstractTestDistKeySolver
{
    @Override
    protected DistKeySolver solver()
    {
        return new GreedyDistKeySolver();
    }

    @Override
    protected boolean isExact()
    {
        return false;
    }
}
