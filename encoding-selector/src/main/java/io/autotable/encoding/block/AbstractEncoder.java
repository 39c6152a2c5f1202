package io.autotable.encoding.block;

import io.autotable.catalog.ColumnType;
import io.autotable.design.Encoding;
import io.autotable.encoding.Column;
import io.autotable.encoding.Encoder;
import io.autotable.encoding.EncodingException;
import io.autotable.encoding.EncodingTypes;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The block format shared by all encoders (see the package documentation): cuts a column into
 * blocks, writes and checks the header and the null bitmap, and leaves the payload to the encoding.
 */
public abstract class AbstractEncoder
        implements Encoder
{
    /** Encoding, row count and flags. */
    public static final int HEADER_BYTES = 6;

    private final Encoding encoding;

    protected AbstractEncoder(Encoding encoding)
    {
        this.encoding = requireNonNull(encoding, "encoding is null");
    }

    @Override
    public final Encoding encoding()
    {
        return encoding;
    }

    @Override
    public final boolean appliesTo(ColumnType type)
    {
        return EncodingTypes.applies(encoding, type);
    }

    /** A writer for one block's payload. */
    protected abstract BlockWriter newWriter(Values values);

    /** Reads {@code out.length} non-null fixed-width values of {@code width} bytes. */
    protected void readLongs(BlockReader in, int width, long[] out)
    {
        throw new IllegalStateException(encoding + " does not encode fixed-width values");
    }

    /** Reads {@code out.length} non-null text values. */
    protected void readTexts(BlockReader in, byte[][] out)
    {
        throw new IllegalStateException(encoding + " does not encode text");
    }

    /** The most bytes a block may have before {@link #wrap}. */
    protected int maxBlockBytes()
    {
        return MAX_BLOCK_BYTES;
    }

    /** Turns a block into its final form; general-purpose compressors override this. */
    protected byte[] wrap(byte[] block)
    {
        return block;
    }

    /** Undoes {@link #wrap}. */
    protected byte[] unwrap(byte[] block)
    {
        return block;
    }

    @Override
    public final List<byte[]> encode(ColumnType type, Column column)
    {
        requireNonNull(type, "type is null");
        requireNonNull(column, "column is null");
        if (!appliesTo(type)) {
            throw EncodingException.invalidInput("encoding %s does not apply to %s", encoding, type);
        }
        Values values = Values.of(type, column);
        int maxBytes = maxBlockBytes();
        List<byte[]> blocks = new ArrayList<>();
        int rows = values.rows();
        int start = 0;
        do {
            BlockWriter writer = newWriter(values);
            int end = start;
            boolean anyNull = false;
            while (end < rows && end - start < MAX_BLOCK_ROWS) {
                boolean isNull = values.isNull(end);
                int cost = isNull ? 0 : writer.cost(end);
                long total = (long) HEADER_BYTES + bitmapBytes(end - start + 1) + writer.size() + cost;
                if (end > start && total > maxBytes) {
                    break;
                }
                if (isNull) {
                    anyNull = true;
                }
                else {
                    writer.append(end);
                }
                end++;
            }
            blocks.add(wrap(writeBlock(values, start, end, anyNull, writer)));
            start = end;
        }
        while (start < rows);
        return List.copyOf(blocks);
    }

    private byte[] writeBlock(Values values, int start, int end, boolean anyNull, BlockWriter writer)
    {
        int rows = end - start;
        ByteSink out = new ByteSink(HEADER_BYTES + bitmapBytes(rows) + writer.size());
        out.writeByte(encoding.ordinal());
        out.writeInt(rows);
        out.writeByte(anyNull ? 1 : 0);
        if (anyNull) {
            for (int i = 0; i < rows; i += 8) {
                int bits = 0;
                for (int j = 0; j < 8 && i + j < rows; j++) {
                    if (values.isNull(start + i + j)) {
                        bits |= 1 << j;
                    }
                }
                out.writeByte(bits);
            }
        }
        writer.writePayload(out);
        return out.toByteArray();
    }

    @Override
    public final Column decode(ColumnType type, byte[] block)
    {
        requireNonNull(type, "type is null");
        requireNonNull(block, "block is null");
        if (!appliesTo(type)) {
            throw EncodingException.invalidInput("encoding %s does not apply to %s", encoding, type);
        }
        BlockReader in = new BlockReader(unwrap(block));
        int tag = in.readUnsignedByte();
        if (tag != encoding.ordinal()) {
            throw EncodingException.malformed(0, "block tag %d is not %s's %d", tag, encoding, encoding.ordinal());
        }
        int rows = in.readInt();
        if (rows < 0 || rows > MAX_BLOCK_ROWS) {
            throw EncodingException.malformed(1, "row count %d out of range 0..%d", rows, MAX_BLOCK_ROWS);
        }
        int flags = in.readUnsignedByte();
        if (flags > 1) {
            throw EncodingException.malformed(5, "unknown flags %d", flags);
        }
        boolean[] nulls = new boolean[rows];
        int nonNull = rows;
        if (flags == 1) {
            in.require(bitmapBytes(rows), "null bitmap");
            for (int i = 0; i < rows; i += 8) {
                int bitmapOffset = in.position();
                int bits = in.readUnsignedByte();
                if (i + 8 > rows && (bits >>> (rows - i)) != 0) {
                    throw EncodingException.malformed(bitmapOffset, "null bitmap flags rows beyond the block's %d", rows);
                }
                for (int j = 0; j < 8 && i + j < rows; j++) {
                    if ((bits & (1 << j)) != 0) {
                        nulls[i + j] = true;
                        nonNull--;
                    }
                }
            }
        }
        int payloadOffset = in.position();
        Column column;
        if (type.isText()) {
            byte[][] dense = new byte[nonNull][];
            readTexts(in, dense);
            in.requireEnd();
            column = Values.decoded(type, nulls, null, dense, payloadOffset);
        }
        else {
            long[] dense = new long[nonNull];
            readLongs(in, Values.width(type), dense);
            in.requireEnd();
            column = Values.decoded(type, nulls, dense, null, payloadOffset);
        }
        return column;
    }

    private static int bitmapBytes(int rows)
    {
        return (rows + 7) >>> 3;
    }
}
