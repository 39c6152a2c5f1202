package io.autotable.distkey;

import io.autotable.distkey.heuristic.MostJoinedColumnDistKeySolver;

class TestMostJoinedColumnDistKeySolver
        extends AbstractTestDistKeySolver
{
    @Override
    protected DistKeySolver solver()
    {
        return new MostJoinedColumnDistKeySolver();
    }

    @Override
    protected boolean isExact()
    {
        return false;
    }
}
