package io.autotable.encoding;

import io.autotable.design.Encoding;

public class TestAz64Encoder
        extends AbstractTestEncoder
{
    @Override
    protected Encoder encoder()
    {
        return Encoders.forEncoding(Encoding.AZ64);
    }
}
