package io.autotable.encoding.profile;

/**
 * Counts occurrences of 64-bit keys in an open-addressing table (linear probing, load at most one
 * half). Once it holds {@code maxDistinct} keys it stops taking new ones and only counts the keys
 * it has, so its memory is bounded whatever the input. Key 0 marks an empty slot, so it is
 * counted apart; a probe reads only the keys, the counts only on a match.
 */
final class ValueCounter
{
    private final long[] keys;
    private final int[] counts;
    private final int mask;
    private final int maxDistinct;
    private int distinct;
    private int zeros;
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
        if (key == 0) {
            if (zeros == 0) {
                if (distinct == maxDistinct) {
                    saturated = true;
                    return;
                }
                distinct++;
            }
            zeros++;
            return;
        }
        int slot = (int) key & mask;
        while (true) {
            long found = keys[slot];
            if (found == key) {
                counts[slot]++;
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
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    int distinct()
    {
        return distinct;
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

    /**
     * The Shannon entropy in bits of the counted keys' distribution among {@code total} values;
     * values that were turned away count as distinct, each seen once.
     */
    double entropyBits(int total)
    {
        if (total == 0) {
            return 0;
        }
        double entropy = 0;
        long counted = zeros;
        if (zeros > 0) {
            double p = (double) zeros / total;
            entropy -= p * Math.log(p);
        }
        for (int count : counts) {
            if (count > 0) {
                double p = (double) count / total;
                entropy -= p * Math.log(p);
                counted += count;
            }
        }
        long untracked = total - counted;
        if (untracked > 0) {
            entropy += untracked * Math.log(total) / total;
        }
        return entropy / Math.log(2);
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
