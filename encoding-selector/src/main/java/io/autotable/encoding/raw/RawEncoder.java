package io.autotable.encoding.raw;

import io.autotable.design.Encoding;
import io.autotable.encoding.block.AbstractEncoder;
import io.autotable.encoding.block.BlockReader;
import io.autotable.encoding.block.BlockWriter;
import io.autotable.encoding.block.ByteSink;
import io.autotable.encoding.block.Values;

/**
 * RAW: values as they are. Payload: each non-null value in {@code width} bytes little-endian, or
 * for CHAR and VARCHAR a 2-byte length then the bytes.
 */
public final class RawEncoder
        extends AbstractEncoder
{
    public RawEncoder()
    {
        super(Encoding.RAW);
    }

    @Override
    protected BlockWriter newWriter(Values values)
    {
        return new RawWriter(values);
    }

    @Override
    protected void readLongs(BlockReader in, int width, long[] out)
    {
        readRawLongs(in, width, out);
    }

    @Override
    protected void readTexts(BlockReader in, byte[][] out)
    {
        readRawTexts(in, out);
    }

    public static void readRawLongs(BlockReader in, int width, long[] out)
    {
        in.readLongs(out, width);
    }

    public static void readRawTexts(BlockReader in, byte[][] out)
    {
        for (int i = 0; i < out.length; i++) {
            out[i] = in.readBytes(in.readUnsignedShort());
        }
    }

    /** Also the inner format of LZO and ZSTD blocks. */
    public static final class RawWriter
            implements BlockWriter
    {
        private final Values values;
        private final ByteSink payload = new ByteSink(1024);

        public RawWriter(Values values)
        {
            this.values = values;
        }

        @Override
        public int size()
        {
            return payload.size();
        }

        @Override
        public int cost(int row)
        {
            return values.isText() ? 2 + values.textAt(row).length : values.width();
        }

        @Override
        public void append(int row)
        {
            if (values.isText()) {
                byte[] value = values.textAt(row);
                payload.writeLong(value.length, 2);
                payload.writeBytes(value, 0, value.length);
            }
            else {
                payload.writeLong(values.longAt(row), values.width());
            }
        }

        @Override
        public void writePayload(ByteSink out)
        {
            out.writeBytes(payload);
        }
    }
}
