package io.autotable.encoding.zstd;

import io.airlift.compress.Compressor;
import io.airlift.compress.Decompressor;
import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import io.autotable.design.Encoding;
import io.autotable.encoding.block.AbstractCompressedEncoder;

/**
 * ZSTD: a RAW block compressed with aircompressor's Zstandard (see {@link AbstractCompressedEncoder}
 * for the format).
 */
public final class ZstdEncoder
        extends AbstractCompressedEncoder
{
    public ZstdEncoder()
    {
        super(Encoding.ZSTD);
    }

    @Override
    protected Compressor newCompressor()
    {
        return new ZstdCompressor();
    }

    @Override
    protected Decompressor newDecompressor()
    {
        return new ZstdDecompressor();
    }
}
