package io.autotable.encoding.profile;

/**
 * Counts occurrences of 64-bit keys in an open-addressing table (linear probing, load at most one
 * half). When a key would be one more than {@code maxDistinct} it stops counting altogether: what
 * it reports then describes the values up to that point (its {@link #counted} values), and the
 * distinct count is a lower bound. Memory is bounded whatever the input, and a high-cardinality
 * column costs one predictable branch per value once the table is full instead of a probe that
 * misses. Key 0 marks an empty slot, so it is counted apart; a probe reads only the keys, the
 * counts only on a match.
 */
final class ValueCounter
{
    private final long[] keys;
    private final int[] counts;
    private final int mask;
    private final int maxDistinct;
    private int distinct;
    private int zeros;
    private int counted;
    private boolean saturated;

    ValueCounter(int expected, int maxDistinct)
    {
        int capacity = Integer.highestOneBit(Math.max(16, Math.min(expected, maxDistinct) * 2 - 1)) << 1;
        this.keys = new long[capacity];
        this.counts = new int[capacity];
        this.mask = capacity - 1;
        this.maxDistinct = Math.min(maxDistinct, capacity / 2);
    }

    /** Counts a key; keys should be well mixed (see {@link #mix}). */
    void add(long key)
    {
        if (saturated) {
            return;
        }
        if (key == 0) {
            if (zeros == 0) {
                if (distinct == maxDistinct) {
                    saturated = true;
                    return;
                }
                distinct++;
            }
            zeros++;
            counted++;
            return;
        }
        int slot = (int) key & mask;
        while (true) {
            long found = keys[slot];
            if (found == key) {
                counts[slot]++;
                counted++;
                return;
            }
            if (found == 0) {
                if (distinct == maxDistinct) {
                    saturated = true;
                    return;
                }
                keys[slot] = key;
                counts[slot] = 1;
                distinct++;
                counted++;
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    int distinct()
    {
        return distinct;
    }

    /** Values counted before the table was full: all of them unless {@link #saturated}. */
    int counted()
    {
        return counted;
    }

    /** Whether a key was turned away, so {@link #distinct} is a lower bound. */
    boolean saturated()
    {
        return saturated;
    }

    int maxCount()
    {
        int max = zeros;
        for (int count : counts) {
            max = Math.max(max, count);
        }
        return max;
    }

    /** The Shannon entropy in bits of the distribution of the {@link #counted} values. */
    double entropyBits()
    {
        if (counted == 0) {
            return 0;
        }
        double entropy = 0;
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / counted;
                entropy -= p * Math.log(p);
            }
        }
        if (zeros > 0) {
            double p = (double) zeros / counted;
            entropy -= p * Math.log(p);
        }
        return entropy / Math.log(2);
    }

    /** The most common key's share of the {@link #counted} values. */
    double topFrequency()
    {
        return counted == 0 ? 0 : (double) maxCount() / counted;
    }

    /** MurmurHash3's 64-bit finalizer: a bijection, so distinct longs stay distinct keys. */
    static long mix(long value)
    {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
