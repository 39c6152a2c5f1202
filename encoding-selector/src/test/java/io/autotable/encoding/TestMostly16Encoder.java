package io.autotable.encoding;

import io.autotable.design.Encoding;

public class TestMostly16Encoder
        extends AbstractTestEncoder
{
    @Override
    protected Encoder encoder()
    {
        return Encoders.forEncoding(Encoding.MOSTLY16);
    }
}
