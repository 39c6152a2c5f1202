package io.autotable.distkey;

import io.autotable.distkey.exact.BranchAndBoundDistKeySolver;

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
}
