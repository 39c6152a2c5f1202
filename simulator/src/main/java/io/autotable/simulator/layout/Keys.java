package io.autotable.simulator.layout;

import java.nio.charset.StandardCharsets;

/**
 * Order-preserving 64-bit keys for zone maps and the hash rows are distributed by.
 */
public final class Keys
{
    private Keys() {}

    /**
     * A string's first 8 UTF-8 bytes, big-endian, zero-padded, as a signed long that orders as the
     * bytes do unsigned (Redshift's zone maps keep such a prefix: strings sharing it are equal to them).
     */
    public static long textKey(byte[] bytes, int offset, int length)
    {
        long key = 0;
        for (int i = 0; i < 8; i++) {
            key = (key << 8) | (i < length ? bytes[offset + i] & 0xFF : 0);
        }
        return key ^ Long.MIN_VALUE;
    }

    public static long textKey(String value)
    {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        return textKey(bytes, 0, bytes.length);
    }

    /** The largest key of a string starting with {@code prefix}: the prefix padded with 0xFF bytes. */
    public static long textPrefixUpperKey(String prefix)
    {
        byte[] bytes = prefix.getBytes(StandardCharsets.UTF_8);
        long key = 0;
        for (int i = 0; i < 8; i++) {
            key = (key << 8) | (i < bytes.length ? bytes[i] & 0xFF : 0xFF);
        }
        return key ^ Long.MIN_VALUE;
    }

    /** A double's bits turned so that signed long order is numeric order (-0.0 before 0.0, NaN last). */
    public static long doubleKey(double value)
    {
        long bits = Double.doubleToLongBits(value);
        return bits ^ ((bits >> 63) & Long.MAX_VALUE);
    }

    /** MurmurHash3's 64-bit finalizer: every input bit affects every output bit. */
    public static long hashLong(long value)
    {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** FNV-1a over the bytes, finalized as {@link #hashLong}. */
    public static long hashBytes(byte[] bytes, int offset, int length)
    {
        long h = 0xcbf29ce484222325L;
        for (int i = offset; i < offset + length; i++) {
            h ^= bytes[i] & 0xFF;
            h *= 0x100000001b3L;
        }
        return hashLong(h);
    }

    /** The slice a hash lands on, of {@code slices}. */
    public static int slice(long hash, int slices)
    {
        return (int) Long.remainderUnsigned(hash, slices);
    }
}
