package io.autotable.encoding;

import io.autotable.design.Encoding;

public class TestMostly8Encoder
        extends AbstractTestEncoder
{
    @Override
    protected Encoder encoder()
    {
        return Encoders.forEncoding(Encoding.MOSTLY8);
    }
}
