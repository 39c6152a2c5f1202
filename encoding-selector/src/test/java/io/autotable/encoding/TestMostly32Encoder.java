package io.autotable.encoding;

import io.autotable.design.Encoding;

public class TestMostly32Encoder
        extends AbstractTestEncoder
{
    @Override
    protected Encoder encoder()
    {
        return Encoders.forEncoding(Encoding.MOSTLY32);
    }
}
