package io.autotable.encoding.block;

import io.airlift.compress.Compressor;
import io.airlift.compress.Decompressor;
import io.airlift.compress.MalformedInputException;
import io.autotable.design.Encoding;
import io.autotable.encoding.EncodingException;
import io.autotable.encoding.raw.RawEncoder;

/**
 * A general-purpose compressor applied to a RAW block. A block is:
 * <pre>
 * byte    encoding     the Encoding's ordinal
 * int32   rawLength    length of the RAW block once decompressed
 * bytes   compressed   the RAW block (whose own tag is this encoding's), compressed
 * </pre>
 * A block holds as many values as a RAW block can while the compressor's worst case still fits
 * {@link #MAX_BLOCK_BYTES}, so every block is at most 1 MiB whatever the data. Offsets in errors
 * about the RAW block count from the start of the decompressed RAW block.
 */
public abstract class AbstractCompressedEncoder
        extends AbstractEncoder
{
    private static final int WRAPPER_BYTES = 5;

    private final int maxRawBytes;

    protected AbstractCompressedEncoder(Encoding encoding)
    {
        super(encoding);
        Compressor compressor = newCompressor();
        int raw = MAX_BLOCK_BYTES - WRAPPER_BYTES;
        while (compressor.maxCompressedLength(raw) > MAX_BLOCK_BYTES - WRAPPER_BYTES) {
            raw -= 64;
        }
        this.maxRawBytes = raw;
    }

    protected abstract Compressor newCompressor();

    protected abstract Decompressor newDecompressor();

    @Override
    protected final int maxBlockBytes()
    {
        return maxRawBytes;
    }

    @Override
    protected final BlockWriter newWriter(Values values)
    {
        return new RawEncoder.RawWriter(values);
    }

    @Override
    protected final void readLongs(BlockReader in, int width, long[] out)
    {
        RawEncoder.readRawLongs(in, width, out);
    }

    @Override
    protected final void readTexts(BlockReader in, byte[][] out)
    {
        RawEncoder.readRawTexts(in, out);
    }

    @Override
    protected final byte[] wrap(byte[] block)
    {
        Compressor compressor = newCompressor();
        byte[] compressed = new byte[WRAPPER_BYTES + compressor.maxCompressedLength(block.length)];
        int length = compressor.compress(block, 0, block.length, compressed, WRAPPER_BYTES, compressed.length - WRAPPER_BYTES);
        ByteSink out = new ByteSink(WRAPPER_BYTES + length);
        out.writeByte(encoding().ordinal());
        out.writeInt(block.length);
        out.writeBytes(compressed, WRAPPER_BYTES, length);
        return out.toByteArray();
    }

    @Override
    protected final byte[] unwrap(byte[] block)
    {
        BlockReader in = new BlockReader(block);
        int tag = in.readUnsignedByte();
        if (tag != encoding().ordinal()) {
            throw EncodingException.malformed(0, "block tag %d is not %s's %d", tag, encoding(), encoding().ordinal());
        }
        int rawLength = in.readInt();
        if (rawLength < HEADER_BYTES || rawLength > maxRawBytes) {
            throw EncodingException.malformed(1, "raw length %d out of range %d..%d", rawLength, HEADER_BYTES, maxRawBytes);
        }
        byte[] raw = new byte[rawLength];
        int length;
        try {
            length = newDecompressor().decompress(block, WRAPPER_BYTES, block.length - WRAPPER_BYTES, raw, 0, rawLength);
        }
        catch (MalformedInputException e) {
            throw EncodingException.malformed(WRAPPER_BYTES + (int) Math.min(Integer.MAX_VALUE, e.getOffset()), e, "%s: %s", encoding(), e.getMessage());
        }
        catch (RuntimeException e) {
            // the library's checks are not all MalformedInputException: any failure here is corrupt input
            throw EncodingException.malformed(WRAPPER_BYTES, e, "%s: cannot decompress: %s", encoding(), e);
        }
        if (length != rawLength) {
            throw EncodingException.malformed(1, "raw length %d but %d bytes decompressed", rawLength, length);
        }
        return raw;
    }
}
