package io.autotable.encoding.delta;

import io.autotable.design.Encoding;
import io.autotable.encoding.block.AbstractEncoder;
import io.autotable.encoding.block.BlockReader;
import io.autotable.encoding.block.BlockWriter;
import io.autotable.encoding.block.ByteSink;
import io.autotable.encoding.block.Values;

/**
 * DELTA and DELTA32K: each non-null value as its difference from the previous non-null value of the
 * block (the first from 0), in 1 byte (DELTA) or 2 bytes (DELTA32K), little-endian and signed.
 * The smallest code ({@code -128}, {@code -32768}) is an escape: a delta that does not fit, or the
 * escape itself, is written as the escape followed by the full value in {@code width} bytes.
 * Differences wrap around in 64 bits, so any BIGINT sequence round-trips.
 */
public final class DeltaEncoder
        extends AbstractEncoder
{
    private final int deltaBytes;
    private final long escape;

    private DeltaEncoder(Encoding encoding, int deltaBytes)
    {
        super(encoding);
        this.deltaBytes = deltaBytes;
        this.escape = -(1L << (deltaBytes * 8 - 1));
    }

    public static DeltaEncoder delta()
    {
        return new DeltaEncoder(Encoding.DELTA, 1);
    }

    public static DeltaEncoder delta32k()
    {
        return new DeltaEncoder(Encoding.DELTA32K, 2);
    }

    @Override
    protected BlockWriter newWriter(Values values)
    {
        return new DeltaWriter(values);
    }

    @Override
    protected void readLongs(BlockReader in, int width, long[] out)
    {
        long previous = 0;
        for (int i = 0; i < out.length; i++) {
            long delta = in.readLong(deltaBytes);
            previous = delta == escape ? in.readLong(width) : previous + delta;
            out[i] = previous;
        }
    }

    private final class DeltaWriter
            implements BlockWriter
    {
        private final Values values;
        private final ByteSink payload = new ByteSink(1024);
        private long previous;

        DeltaWriter(Values values)
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
            return fits(values.longAt(row) - previous) ? deltaBytes : deltaBytes + values.width();
        }

        @Override
        public void append(int row)
        {
            long value = values.longAt(row);
            long delta = value - previous;
            if (fits(delta)) {
                payload.writeLong(delta, deltaBytes);
            }
            else {
                payload.writeLong(escape, deltaBytes);
                payload.writeLong(value, values.width());
            }
            previous = value;
        }

        @Override
        public void writePayload(ByteSink out)
        {
            out.writeBytes(payload);
        }

        private boolean fits(long delta)
        {
            return delta > escape && delta <= -escape - 1;
        }
    }
}
