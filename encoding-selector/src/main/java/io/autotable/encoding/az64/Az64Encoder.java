package io.autotable.encoding.az64;

import io.autotable.design.Encoding;
import io.autotable.encoding.EncodingException;
import io.autotable.encoding.block.AbstractEncoder;
import io.autotable.encoding.block.BlockReader;
import io.autotable.encoding.block.BlockWriter;
import io.autotable.encoding.block.ByteSink;
import io.autotable.encoding.block.Values;

/**
 * AZ64 in spirit: Amazon's format is not public, so this is a frame-of-reference scheme with bit
 * packing, which is what AZ64 is described as building on. The non-null values of a block fall in
 * groups of {@value #GROUP_SIZE} (the last one shorter); each group is:
 * <pre>
 * width bytes   min          the group's smallest value, signed, little-endian
 * byte          bitWidth     0..64: bits of (max - min) as an unsigned number
 * bytes         packed       ceil(n * bitWidth / 8) bytes: each (value - min), bitWidth bits,
 *                            least significant bit first
 * </pre>
 * A constant group takes {@code width + 1} bytes whatever its length.
 */
public final class Az64Encoder
        extends AbstractEncoder
{
    public static final int GROUP_SIZE = 128;

    public Az64Encoder()
    {
        super(Encoding.AZ64);
    }

    @Override
    protected BlockWriter newWriter(Values values)
    {
        return new Az64Writer(values);
    }

    @Override
    protected void readLongs(BlockReader in, int width, long[] out)
    {
        for (int start = 0; start < out.length; start += GROUP_SIZE) {
            int count = Math.min(GROUP_SIZE, out.length - start);
            long min = in.readLong(width);
            int bitWidth = in.readUnsignedByte();
            if (bitWidth > 64) {
                throw EncodingException.malformed(in.position() - 1, "bit width %d beyond 64", bitWidth);
            }
            in.readPacked(out, start, count, min, bitWidth);
        }
    }

    private static int bitWidth(long min, long max)
    {
        return 64 - Long.numberOfLeadingZeros(max - min);
    }

    private static int groupSize(int width, int count, int bitWidth)
    {
        return width + 1 + (int) (((long) count * bitWidth + 7) >>> 3);
    }

    private static final class Az64Writer
            implements BlockWriter
    {
        private final Values values;
        private final ByteSink payload = new ByteSink(1024);
        private final long[] group = new long[GROUP_SIZE];
        private int count;
        private long min;
        private long max;

        Az64Writer(Values values)
        {
            this.values = values;
        }

        @Override
        public int size()
        {
            return payload.size() + (count == 0 ? 0 : groupSize(values.width(), count, bitWidth(min, max)));
        }

        @Override
        public int cost(int row)
        {
            if (count == 0 || count == GROUP_SIZE) {
                return values.width() + 1;
            }
            long value = values.longAt(row);
            int grown = groupSize(values.width(), count + 1, bitWidth(Math.min(min, value), Math.max(max, value)));
            return grown - groupSize(values.width(), count, bitWidth(min, max));
        }

        @Override
        public void append(int row)
        {
            if (count == GROUP_SIZE) {
                flush();
            }
            long value = values.longAt(row);
            if (count == 0) {
                min = value;
                max = value;
            }
            else {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
            group[count++] = value;
        }

        @Override
        public void writePayload(ByteSink out)
        {
            flush();
            out.writeBytes(payload);
        }

        private void flush()
        {
            if (count == 0) {
                return;
            }
            payload.writeLong(min, values.width());
            int bitWidth = bitWidth(min, max);
            payload.writeByte(bitWidth);
            payload.writePacked(group, count, min, bitWidth);
            count = 0;
        }
    }
}
