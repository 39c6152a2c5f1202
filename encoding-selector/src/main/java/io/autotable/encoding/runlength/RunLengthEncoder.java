package io.autotable.encoding.runlength;

import io.autotable.design.Encoding;
import io.autotable.encoding.block.AbstractEncoder;
import io.autotable.encoding.block.BlockReader;
import io.autotable.encoding.block.BlockWriter;
import io.autotable.encoding.block.ByteSink;
import io.autotable.encoding.block.Values;

import java.util.Arrays;

/**
 * RUNLENGTH: each run of equal consecutive non-null values once, with its length. Payload: runs of
 * (value, varint run length &ge; 1); a value is {@code width} bytes little-endian, or for CHAR and
 * VARCHAR a 2-byte length then the bytes. Nulls do not break a run: they live in the bitmap.
 */
public final class RunLengthEncoder
        extends AbstractEncoder
{
    public RunLengthEncoder()
    {
        super(Encoding.RUNLENGTH);
    }

    @Override
    protected BlockWriter newWriter(Values values)
    {
        return new RunLengthWriter(values);
    }

    @Override
    protected void readLongs(BlockReader in, int width, long[] out)
    {
        int filled = 0;
        while (filled < out.length) {
            long value = in.readLong(width);
            int run = readRun(in, out.length - filled);
            Arrays.fill(out, filled, filled + run, value);
            filled += run;
        }
    }

    @Override
    protected void readTexts(BlockReader in, byte[][] out)
    {
        int filled = 0;
        while (filled < out.length) {
            byte[] value = in.readBytes(in.readUnsignedShort());
            int run = readRun(in, out.length - filled);
            // runs share one array: values are never changed after decoding
            Arrays.fill(out, filled, filled + run, value);
            filled += run;
        }
    }

    private static int readRun(BlockReader in, int left)
    {
        int offset = in.position();
        int run = in.readCount(left, "run length");
        if (run == 0) {
            throw in.malformed("empty run at byte %d", offset);
        }
        return run;
    }

    private static final class RunLengthWriter
            implements BlockWriter
    {
        private final Values values;
        private final ByteSink payload = new ByteSink(1024);
        private int runRow = -1;
        private long runLength;

        RunLengthWriter(Values values)
        {
            this.values = values;
        }

        @Override
        public int size()
        {
            return payload.size() + (runRow < 0 ? 0 : valueSize(runRow) + ByteSink.varintSize(runLength));
        }

        @Override
        public int cost(int row)
        {
            if (runRow >= 0 && sameValue(runRow, row)) {
                return ByteSink.varintSize(runLength + 1) - ByteSink.varintSize(runLength);
            }
            return valueSize(row) + 1;
        }

        @Override
        public void append(int row)
        {
            if (runRow >= 0 && sameValue(runRow, row)) {
                runLength++;
                return;
            }
            flush();
            runRow = row;
            runLength = 1;
        }

        @Override
        public void writePayload(ByteSink out)
        {
            flush();
            out.writeBytes(payload);
        }

        private void flush()
        {
            if (runRow < 0) {
                return;
            }
            if (values.isText()) {
                byte[] value = values.textAt(runRow);
                payload.writeLong(value.length, 2);
                payload.writeBytes(value, 0, value.length);
            }
            else {
                payload.writeLong(values.longAt(runRow), values.width());
            }
            payload.writeVarint(runLength);
            runRow = -1;
        }

        private int valueSize(int row)
        {
            return values.isText() ? 2 + values.textAt(row).length : values.width();
        }

        private boolean sameValue(int a, int b)
        {
            return values.isText() ? Arrays.equals(values.textAt(a), values.textAt(b)) : values.longAt(a) == values.longAt(b);
        }
    }
}
