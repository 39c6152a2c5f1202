package io.autotable.encoding.bytedict;

import io.autotable.design.Encoding;
import io.autotable.encoding.EncodingException;
import io.autotable.encoding.block.AbstractEncoder;
import io.autotable.encoding.block.BlockReader;
import io.autotable.encoding.block.BlockWriter;
import io.autotable.encoding.block.ByteSink;
import io.autotable.encoding.block.BytesDictionary;
import io.autotable.encoding.block.LongDictionary;
import io.autotable.encoding.block.Values;

/**
 * BYTEDICT: a per-block dictionary of the first distinct values, each value a one-byte index.
 * Payload:
 * <pre>
 * byte    entries      0..255
 * entries              each {@code width} bytes, or for CHAR and VARCHAR a 2-byte length then the bytes
 * per non-null value   one byte: an index below {@code entries}, or 0xFF then the value written raw
 * </pre>
 * Like Redshift, which writes values beyond a block's dictionary "in raw, uncompressed form",
 * a block with more distinct values than fit keeps encoding: the 256th and later distinct values
 * take the escape byte 0xFF plus the raw value (so the dictionary holds 255 entries, not 256).
 * BYTEDICT never refuses a column; it is just large on one of high cardinality.
 */
public final class ByteDictEncoder
        extends AbstractEncoder
{
    private static final int MAX_ENTRIES = 255;
    private static final int ESCAPE = 0xFF;

    public ByteDictEncoder()
    {
        super(Encoding.BYTEDICT);
    }

    @Override
    protected BlockWriter newWriter(Values values)
    {
        return values.isText() ? new TextDictWriter(values) : new LongDictWriter(values);
    }

    @Override
    protected void readLongs(BlockReader in, int width, long[] out)
    {
        // a one-byte count cannot exceed MAX_ENTRIES
        int entries = in.readUnsignedByte();
        long[] dictionary = new long[entries];
        for (int i = 0; i < entries; i++) {
            dictionary[i] = in.readLong(width);
        }
        for (int i = 0; i < out.length; i++) {
            int index = in.readUnsignedByte();
            if (index == ESCAPE) {
                out[i] = in.readLong(width);
            }
            else if (index < entries) {
                out[i] = dictionary[index];
            }
            else {
                throw EncodingException.malformed(in.position() - 1, "dictionary index %d beyond %d entries", index, entries);
            }
        }
    }

    @Override
    protected void readTexts(BlockReader in, byte[][] out)
    {
        // a one-byte count cannot exceed MAX_ENTRIES
        int entries = in.readUnsignedByte();
        byte[][] dictionary = new byte[entries][];
        for (int i = 0; i < entries; i++) {
            dictionary[i] = in.readBytes(in.readUnsignedShort());
        }
        for (int i = 0; i < out.length; i++) {
            int index = in.readUnsignedByte();
            if (index == ESCAPE) {
                out[i] = in.readBytes(in.readUnsignedShort());
            }
            else if (index < entries) {
                out[i] = dictionary[index];
            }
            else {
                throw EncodingException.malformed(in.position() - 1, "dictionary index %d beyond %d entries", index, entries);
            }
        }
    }

    private static final class LongDictWriter
            implements BlockWriter
    {
        private final Values values;
        private final LongDictionary dictionary = new LongDictionary(MAX_ENTRIES);
        private final ByteSink indexes = new ByteSink(1024);

        LongDictWriter(Values values)
        {
            this.values = values;
        }

        @Override
        public int size()
        {
            return 1 + dictionary.size() * values.width() + indexes.size();
        }

        @Override
        public int cost(int row)
        {
            if (dictionary.find(values.longAt(row)) >= 0) {
                return 1;
            }
            return 1 + values.width();
        }

        @Override
        public void append(int row)
        {
            long value = values.longAt(row);
            int id = dictionary.find(value);
            if (id < 0 && !dictionary.isFull()) {
                id = dictionary.add(value);
            }
            if (id >= 0) {
                indexes.writeByte(id);
            }
            else {
                indexes.writeByte(ESCAPE);
                indexes.writeLong(value, values.width());
            }
        }

        @Override
        public void writePayload(ByteSink out)
        {
            out.writeByte(dictionary.size());
            for (int id = 0; id < dictionary.size(); id++) {
                out.writeLong(dictionary.value(id), values.width());
            }
            out.writeBytes(indexes);
        }
    }

    private static final class TextDictWriter
            implements BlockWriter
    {
        private final Values values;
        private final BytesDictionary dictionary = new BytesDictionary(MAX_ENTRIES);
        private final ByteSink indexes = new ByteSink(1024);

        TextDictWriter(Values values)
        {
            this.values = values;
        }

        @Override
        public int size()
        {
            return (int) (1 + dictionary.size() * 2L + dictionary.totalLength() + indexes.size());
        }

        @Override
        public int cost(int row)
        {
            byte[] value = values.textAt(row);
            if (dictionary.find(value, 0, value.length) >= 0) {
                return 1;
            }
            return 3 + value.length;
        }

        @Override
        public void append(int row)
        {
            byte[] value = values.textAt(row);
            int id = dictionary.find(value, 0, value.length);
            if (id < 0 && !dictionary.isFull()) {
                id = dictionary.add(value, 0, value.length);
            }
            if (id >= 0) {
                indexes.writeByte(id);
            }
            else {
                indexes.writeByte(ESCAPE);
                indexes.writeLong(value.length, 2);
                indexes.writeBytes(value, 0, value.length);
            }
        }

        @Override
        public void writePayload(ByteSink out)
        {
            out.writeByte(dictionary.size());
            for (int id = 0; id < dictionary.size(); id++) {
                dictionary.writeEntry(id, out, 2);
            }
            out.writeBytes(indexes);
        }
    }
}
