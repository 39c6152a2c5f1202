package io.autotable.encoding.block;

import java.util.Arrays;

/**
 * A growable little-endian byte buffer, for building one block.
 */
public final class ByteSink
{
    private byte[] buffer;
    private int size;

    public ByteSink(int initialCapacity)
    {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    public int size()
    {
        return size;
    }

    public void writeByte(int value)
    {
        ensure(1);
        buffer[size++] = (byte) value;
    }

    /** The low {@code width} bytes of {@code value}, least significant first. */
    public void writeLong(long value, int width)
    {
        ensure(width);
        for (int i = 0; i < width; i++) {
            buffer[size++] = (byte) (value >>> (i * 8));
        }
    }

    public void writeInt(int value)
    {
        writeLong(value, 4);
    }

    public void writeVarint(long value)
    {
        ensure(10);
        while ((value & ~0x7FL) != 0) {
            buffer[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[size++] = (byte) value;
    }

    /**
     * {@code count} values minus {@code base}, {@code bitWidth} bits each, least significant bit
     * first, the last byte padded with zeros.
     */
    public void writePacked(long[] values, int count, long base, int bitWidth)
    {
        ensure((int) (((long) count * bitWidth + 7) >>> 3));
        int accumulator = 0;
        int filled = 0;
        for (int i = 0; i < count; i++) {
            long delta = values[i] - base;
            int remaining = bitWidth;
            while (remaining > 0) {
                int take = Math.min(8 - filled, remaining);
                accumulator |= (int) (delta & ((1L << take) - 1)) << filled;
                delta >>>= take;
                filled += take;
                remaining -= take;
                if (filled == 8) {
                    buffer[size++] = (byte) accumulator;
                    accumulator = 0;
                    filled = 0;
                }
            }
        }
        if (filled > 0) {
            buffer[size++] = (byte) accumulator;
        }
    }

    public static int varintSize(long value)
    {
        int bits = 64 - Long.numberOfLeadingZeros(value | 1);
        return (bits + 6) / 7;
    }

    public void writeBytes(byte[] source, int offset, int length)
    {
        ensure(length);
        System.arraycopy(source, offset, buffer, size, length);
        size += length;
    }

    public void writeBytes(ByteSink source)
    {
        writeBytes(source.buffer, 0, source.size);
    }

    public byte[] toByteArray()
    {
        return Arrays.copyOf(buffer, size);
    }

    private void ensure(int bytes)
    {
        if (size + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(size + bytes, buffer.length * 2));
        }
    }
}
