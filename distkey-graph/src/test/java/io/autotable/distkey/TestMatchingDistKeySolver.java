package io.autotable.distkey;

import io.autotable.distkey.heuristic.MatchingDistKeySolver;

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
}
