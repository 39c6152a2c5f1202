package io.autotable.encoding.profile;

/**
 * Measures how predictable each value is from the one (and the two) before it: a direct-mapped
 * table remembers, per context, the value that followed it last; a value that matches is a hit.
 * Repeated sequences (a dimension's keys cycling in a fact table, a cross product's columns) hit
 * almost always while their values look high-cardinality value by value; it is the cheap kin of
 * the match finder in LZ77-style compressors. Tables of {@value #SLOTS} entries bound the memory
 * (the "window") to a few recent contexts per slot.
 */
final class ContextPredictor
{
    private static final int SLOTS = 1 << 12;
    private static final int MASK = SLOTS - 1;

    // per slot a context's tag then the value that followed it, side by side in one cache line
    private final long[] table = new long[2 * SLOTS];
    private final long[] table2 = new long[2 * SLOTS];
    private long previous;
    private long beforePrevious;
    private int seen;
    private int hits;
    private int hits2;

    /** Adds the next value, given as a well-mixed hash. */
    void add(long hash)
    {
        if (seen >= 2) {
            int slot = ((int) previous & MASK) << 1;
            hits += table[slot] == previous && table[slot + 1] == hash ? 1 : 0;
            table[slot] = previous;
            table[slot + 1] = hash;

            long context = previous * 0x9E3779B97F4A7C15L + Long.rotateLeft(beforePrevious, 31);
            int slot2 = ((int) (context ^ (context >>> 29)) & MASK) << 1;
            hits2 += table2[slot2] == context && table2[slot2 + 1] == hash ? 1 : 0;
            table2[slot2] = context;
            table2[slot2 + 1] = hash;
        }
        beforePrevious = previous;
        previous = hash;
        seen++;
    }

    /** Share of values after the first two that the previous value predicted. */
    double hitFraction()
    {
        return seen <= 2 ? 0 : (double) hits / (seen - 2);
    }

    /** Share of values after the first two that the previous two values predicted. */
    double hitFraction2()
    {
        return seen <= 2 ? 0 : (double) hits2 / (seen - 2);
    }
}
