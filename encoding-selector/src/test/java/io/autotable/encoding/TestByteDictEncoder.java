package io.autotable.encoding;

import io.autotable.design.Encoding;

public class TestByteDictEncoder
        extends AbstractTestEncoder
{
    @Override
    protected Encoder encoder()
    {
        return Encoders.forEncoding(Encoding.BYTEDICT);
    }
}
