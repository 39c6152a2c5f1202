package io.autotable.encoding;

import io.autotable.design.Encoding;

public class TestRunLengthEncoder
        extends AbstractTestEncoder
{
    @Override
    protected Encoder encoder()
    {
        return Encoders.forEncoding(Encoding.RUNLENGTH);
    }
}
