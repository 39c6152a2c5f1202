package io.autotable.encoding.block;

import java.util.Arrays;

/**
 * A small open-addressing map from {@code long} values to dense ids 0, 1, 2, ..., in the order
 * the values were added; no boxing, no allocation after construction.
 */
public final class LongDictionary
{
    private final long[] keys;
    private final int[] ids;
    private final long[] values;
    private final int mask;
    private int size;

    public LongDictionary(int capacity)
    {
        int tableSize = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
        keys = new long[tableSize];
        ids = new int[tableSize];
        Arrays.fill(ids, -1);
        values = new long[capacity];
        mask = tableSize - 1;
    }

    public int size()
    {
        return size;
    }

    public boolean isFull()
    {
        return size == values.length;
    }

    public long value(int id)
    {
        return values[id];
    }

    /** The value's id, or -1. */
    public int find(long value)
    {
        int slot = slot(value);
        return ids[slot];
    }

    /** Adds a value not yet present; the dictionary must not be full. */
    public int add(long value)
    {
        int slot = slot(value);
        ids[slot] = size;
        keys[slot] = value;
        values[size] = value;
        return size++;
    }

    private int slot(long value)
    {
        long hash = value * 0x9E3779B97F4A7C15L;
        int slot = (int) (hash ^ (hash >>> 32)) & mask;
        while (ids[slot] != -1 && keys[slot] != value) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
