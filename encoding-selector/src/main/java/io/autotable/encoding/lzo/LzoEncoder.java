package io.autotable.encoding.lzo;

import io.airlift.compress.Compressor;
import io.airlift.compress.Decompressor;
import io.airlift.compress.lzo.LzoCompressor;
import io.airlift.compress.lzo.LzoDecompressor;
import io.autotable.design.Encoding;
import io.autotable.encoding.block.AbstractCompressedEncoder;

/**
 * LZO: a RAW block compressed with aircompressor's LZO (see {@link AbstractCompressedEncoder}
 * for the format).
 */
public final class LzoEncoder
        extends AbstractCompressedEncoder
{
    public LzoEncoder()
    {
        super(Encoding.LZO);
    }

    @Override
    protected Compressor newCompressor()
    {
        return new LzoCompressor();
    }

    @Override
    protected Decompressor newDecompressor()
    {
        return new LzoDecompressor();
    }
}
