package io.autotable.encoding;

import io.autotable.design.Encoding;

public class TestText32kEncoder
        extends AbstractTestEncoder
{
    @Override
    protected Encoder encoder()
    {
        return Encoders.forEncoding(Encoding.TEXT32K);
    }
}
