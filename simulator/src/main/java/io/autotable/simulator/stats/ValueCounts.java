package io.autotable.simulator.stats;

import java.util.Arrays;

/**
 * Counts occurrences of values, remembering them in first-occurrence order. An open-addressing
 * table of indexes into dense key and count arrays: adding a value seen before allocates nothing,
 * and iterating in index order replays the distinct values in the order the stream first showed them.
 * Keys must have value-based {@code equals} and {@code hashCode}.
 */
final class ValueCounts
{
    private static final int INITIAL_CAPACITY = 16;

    private Object[] keys = new Object[INITIAL_CAPACITY];
    private int[] hashes = new int[INITIAL_CAPACITY];
    private long[] counts = new long[INITIAL_CAPACITY];
    // slot -> index + 1, 0 when empty; kept at most half full
    private int[] slots = new int[INITIAL_CAPACITY * 2];
    private int size;

    void add(Object key)
    {
        int hash = mix(key.hashCode());
        int mask = slots.length - 1;
        int slot = hash & mask;
        while (true) {
            int index = slots[slot] - 1;
            if (index < 0) {
                insert(slot, key, hash);
                return;
            }
            if (hashes[index] == hash && keys[index].equals(key)) {
                counts[index]++;
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Distinct values added so far. */
    int size()
    {
        return size;
    }

    /** The distinct value first seen {@code index}-th, 0-based. */
    Object key(int index)
    {
        return keys[index];
    }

    long count(int index)
    {
        return counts[index];
    }

    private void insert(int slot, Object key, int hash)
    {
        if (size == keys.length) {
            int capacity = keys.length * 2;
            keys = Arrays.copyOf(keys, capacity);
            hashes = Arrays.copyOf(hashes, capacity);
            counts = Arrays.copyOf(counts, capacity);
        }
        keys[size] = key;
        hashes[size] = hash;
        counts[size] = 1;
        slots[slot] = size + 1;
        size++;
        if (size * 2 > slots.length) {
            rehash(slots.length * 2);
        }
    }

    private void rehash(int slotCount)
    {
        int[] newSlots = new int[slotCount];
        int mask = slotCount - 1;
        for (int index = 0; index < size; index++) {
            int slot = hashes[index] & mask;
            while (newSlots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            newSlots[slot] = index + 1;
        }
        slots = newSlots;
    }

    // hashCode()s of boxed numbers and dates are weak in their low bits: spread them (Fibonacci hashing)
    private static int mix(int hash)
    {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
