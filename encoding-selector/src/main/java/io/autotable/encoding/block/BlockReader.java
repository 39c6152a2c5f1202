package io.autotable.encoding.block;

import io.autotable.encoding.EncodingException;

import static java.util.Objects.requireNonNull;

/**
 * Bounds-checked little-endian reads over one encoded block: a read past the end throws
 * {@link EncodingException} with the offset, never reads out of bounds.
 */
public final class BlockReader
{
    private final byte[] buffer;
    private final int limit;
    private int position;

    public BlockReader(byte[] buffer)
    {
        this.buffer = requireNonNull(buffer, "buffer is null");
        this.limit = buffer.length;
    }

    public int position()
    {
        return position;
    }

    public int remaining()
    {
        return limit - position;
    }

    public EncodingException malformed(String format, Object... args)
    {
        return EncodingException.malformed(position, format, args);
    }

    public void require(int bytes, String what)
    {
        if (bytes < 0 || bytes > limit - position) {
            throw malformed("truncated %s: %d bytes needed, %d left", what, bytes, limit - position);
        }
    }

    public int readUnsignedByte()
    {
        require(1, "byte");
        return buffer[position++] & 0xFF;
    }

    /** {@code width} bytes, least significant first, sign-extended. */
    public long readLong(int width)
    {
        require(width, "value");
        long value = 0;
        for (int i = 0; i < width; i++) {
            value |= (buffer[position + i] & 0xFFL) << (i * 8);
        }
        position += width;
        int shift = 64 - width * 8;
        return (value << shift) >> shift;
    }

    /** {@code out.length} values of {@code width} bytes: one bounds check, then a plain loop. */
    public void readLongs(long[] out, int width)
    {
        require(Math.multiplyExact(out.length, width), "values");
        int shift = 64 - width * 8;
        int at = position;
        for (int i = 0; i < out.length; i++) {
            long value = 0;
            for (int b = 0; b < width; b++) {
                value |= (buffer[at + b] & 0xFFL) << (b * 8);
            }
            out[i] = (value << shift) >> shift;
            at += width;
        }
        position = at;
    }

    public int readUnsignedShort()
    {
        return (int) readLong(2) & 0xFFFF;
    }

    public int readInt()
    {
        return (int) readLong(4);
    }

    public long readVarint()
    {
        int start = position;
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= limit) {
                throw malformed("truncated varint starting at byte %d", start);
            }
            int b = buffer[position++];
            if (shift == 63 && (b & 0x7E) != 0) {
                throw malformed("varint starting at byte %d overflows 64 bits", start);
            }
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw malformed("varint starting at byte %d is longer than 10 bytes", start);
    }

    /** A varint that must lie in {@code 0..max}. */
    public int readCount(int max, String what)
    {
        int start = position;
        long value = readVarint();
        if (value < 0 || value > max) {
            throw EncodingException.malformed(start, "%s %s out of range 0..%d", what, Long.toUnsignedString(value), max);
        }
        return (int) value;
    }

    /** Undoes {@link ByteSink#writePacked}: {@code count} values into {@code out} from {@code offset}. */
    public void readPacked(long[] out, int offset, int count, long base, int bitWidth)
    {
        require((int) (((long) count * bitWidth + 7) >>> 3), "packed values");
        int filled = 0;
        for (int i = 0; i < count; i++) {
            long delta = 0;
            int done = 0;
            while (done < bitWidth) {
                int take = Math.min(8 - filled, bitWidth - done);
                long bits = ((buffer[position] & 0xFF) >>> filled) & ((1 << take) - 1);
                delta |= bits << done;
                done += take;
                filled += take;
                if (filled == 8) {
                    position++;
                    filled = 0;
                }
            }
            out[offset + i] = base + delta;
        }
        if (filled > 0) {
            position++;
        }
    }

    public void readBytes(byte[] destination, int offset, int length)
    {
        require(length, "bytes");
        System.arraycopy(buffer, position, destination, offset, length);
        position += length;
    }

    public byte[] readBytes(int length)
    {
        require(length, "bytes");
        byte[] bytes = new byte[length];
        System.arraycopy(buffer, position, bytes, 0, length);
        position += length;
        return bytes;
    }

    public void requireEnd()
    {
        if (position != limit) {
            throw malformed("%d unexpected bytes after the payload", limit - position);
        }
    }
}
