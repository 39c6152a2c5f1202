package io.autotable.encoding;

import io.autotable.design.Encoding;

public class TestDelta32kEncoder
        extends AbstractTestEncoder
{
    @Override
    protected Encoder encoder()
    {
        return Encoders.forEncoding(Encoding.DELTA32K);
    }
}
