package io.autotable.encoding.block;

import java.util.Arrays;

/**
 * A small open-addressing map from byte ranges to dense ids 0, 1, 2, ..., in the order the ranges
 * were added. Entries point into the caller's arrays, which must not change; nothing is copied.
 */
public final class BytesDictionary
{
    private final byte[][] arrays;
    private final int[] offsets;
    private final int[] lengths;
    private final int[] slots;
    private final int mask;
    private int size;
    private long totalLength;

    public BytesDictionary(int capacity)
    {
        int tableSize = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
        slots = new int[tableSize];
        Arrays.fill(slots, -1);
        mask = tableSize - 1;
        arrays = new byte[capacity][];
        offsets = new int[capacity];
        lengths = new int[capacity];
    }

    public int size()
    {
        return size;
    }

    public boolean isFull()
    {
        return size == arrays.length;
    }

    /** Bytes of all entries together. */
    public long totalLength()
    {
        return totalLength;
    }

    public int find(byte[] array, int offset, int length)
    {
        return slots[slot(array, offset, length)];
    }

    /** Adds a range not yet present; the dictionary must not be full. */
    public int add(byte[] array, int offset, int length)
    {
        int slot = slot(array, offset, length);
        slots[slot] = size;
        arrays[size] = array;
        offsets[size] = offset;
        lengths[size] = length;
        totalLength += length;
        return size++;
    }

    public void writeEntry(int id, ByteSink out, int lengthBytes)
    {
        out.writeLong(lengths[id], lengthBytes);
        out.writeBytes(arrays[id], offsets[id], lengths[id]);
    }

    private int slot(byte[] array, int offset, int length)
    {
        int hash = 1;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + array[i];
        }
        hash *= 0x9E3779B9;
        int slot = (hash ^ (hash >>> 16)) & mask;
        while (true) {
            int id = slots[slot];
            if (id == -1 || Arrays.equals(arrays[id], offsets[id], offsets[id] + lengths[id], array, offset, offset + length)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }
}
