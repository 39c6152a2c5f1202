package io.autotable.distkey;

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
}
