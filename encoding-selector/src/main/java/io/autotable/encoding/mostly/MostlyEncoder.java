package io.autotable.encoding.mostly;

import io.autotable.design.Encoding;
import io.autotable.encoding.block.AbstractEncoder;
import io.autotable.encoding.block.BlockReader;
import io.autotable.encoding.block.BlockWriter;
import io.autotable.encoding.block.ByteSink;
import io.autotable.encoding.block.Values;

/**
 * MOSTLY8, MOSTLY16 and MOSTLY32: each non-null value in 1, 2 or 4 bytes, little-endian and signed.
 * The smallest code ({@code -2^(8k-1)}) is an escape: a value that does not fit, or equals the
 * escape, is written as the escape followed by the full value in {@code width} bytes.
 */
public final class MostlyEncoder
        extends AbstractEncoder
{
    private final int codeBytes;
    private final long escape;

    private MostlyEncoder(Encoding encoding, int codeBytes)
    {
        super(encoding);
        this.codeBytes = codeBytes;
        this.escape = -(1L << (codeBytes * 8 - 1));
    }

    public static MostlyEncoder mostly8()
    {
        return new MostlyEncoder(Encoding.MOSTLY8, 1);
    }

    public static MostlyEncoder mostly16()
    {
        return new MostlyEncoder(Encoding.MOSTLY16, 2);
    }

    public static MostlyEncoder mostly32()
    {
        return new MostlyEncoder(Encoding.MOSTLY32, 4);
    }

    @Override
    protected BlockWriter newWriter(Values values)
    {
        return new MostlyWriter(values);
    }

    @Override
    protected void readLongs(BlockReader in, int width, long[] out)
    {
        for (int i = 0; i < out.length; i++) {
            long code = in.readLong(codeBytes);
            out[i] = code == escape ? in.readLong(width) : code;
        }
    }

    private boolean fits(long value)
    {
        return value > escape && value <= -escape - 1;
    }

    private final class MostlyWriter
            implements BlockWriter
    {
        private final Values values;
        private final ByteSink payload = new ByteSink(1024);

        MostlyWriter(Values values)
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
            return fits(values.longAt(row)) ? codeBytes : codeBytes + values.width();
        }

        @Override
        public void append(int row)
        {
            long value = values.longAt(row);
            if (fits(value)) {
                payload.writeLong(value, codeBytes);
            }
            else {
                payload.writeLong(escape, codeBytes);
                payload.writeLong(value, values.width());
            }
        }

        @Override
        public void writePayload(ByteSink out)
        {
            out.writeBytes(payload);
        }
    }
}
