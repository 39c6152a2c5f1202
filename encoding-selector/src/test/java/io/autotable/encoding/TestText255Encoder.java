package io.autotable.encoding;

import io.autotable.design.Encoding;

public class TestText255Encoder
        extends AbstractTestEncoder
{
    @Override
    protected Encoder encoder()
    {
        return Encoders.forEncoding(Encoding.TEXT255);
    }
}
