package io.autotable.simulator.stats;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import static java.lang.String.format;

/**
 * How {@link TableStatsCollector} computes column statistics.
 *
 * @param exactDistinctLimit distinct values a column may have and still be counted exactly (a hash
 *        table of values); beyond it the column switches to sketches. 0 sketches from the first value
 * @param mostCommonValues most common values kept per column (0 keeps none)
 * @param histogramBuckets buckets of the equi-depth histogram, which then has one bound more
 * @param hllLgK log2 of the HyperLogLog sketch's registers: relative standard error is about
 *        {@code 0.83 / sqrt(2^lgK)}, 0.33% at the default 16 (64 KiB per sketched column)
 * @param kllK size parameter of the KLL quantile sketch: normalized rank error is about 1.65% at
 *        the default 200 (99% confidence), falling roughly as {@code 1/k}
 * @param seed seed of the KLL sketches' compaction coin flips; the same rows, options and seed
 *        give the same statistics
 */
public record StatsOptions(int exactDistinctLimit, int mostCommonValues, int histogramBuckets, int hllLgK, int kllK, long seed)
{
    public static final int DEFAULT_EXACT_DISTINCT_LIMIT = 100_000;
    public static final int DEFAULT_MOST_COMMON_VALUES = 10;
    public static final int DEFAULT_HISTOGRAM_BUCKETS = 20;
    public static final int DEFAULT_HLL_LG_K = 16;
    public static final int DEFAULT_KLL_K = 200;
    public static final long DEFAULT_SEED = 0x5EED_57A7L;

    // The library's own bounds for HllSketch and KLL sketches.
    private static final int MIN_HLL_LG_K = 4;
    private static final int MAX_HLL_LG_K = 21;
    private static final int MIN_KLL_K = 8;
    private static final int MAX_KLL_K = 65_535;
    private static final int MAX_MOST_COMMON_VALUES = 1_000;
    private static final int MAX_HISTOGRAM_BUCKETS = 10_000;

    public StatsOptions
    {
        check(exactDistinctLimit >= 0, "exactDistinctLimit must be >= 0, got %d", exactDistinctLimit);
        check(mostCommonValues >= 0 && mostCommonValues <= MAX_MOST_COMMON_VALUES,
                "mostCommonValues must be in 0..%d, got %d", MAX_MOST_COMMON_VALUES, mostCommonValues);
        check(histogramBuckets >= 1 && histogramBuckets <= MAX_HISTOGRAM_BUCKETS,
                "histogramBuckets must be in 1..%d, got %d", MAX_HISTOGRAM_BUCKETS, histogramBuckets);
        check(hllLgK >= MIN_HLL_LG_K && hllLgK <= MAX_HLL_LG_K,
                "hllLgK must be in %d..%d, got %d", MIN_HLL_LG_K, MAX_HLL_LG_K, hllLgK);
        check(kllK >= MIN_KLL_K && kllK <= MAX_KLL_K,
                "kllK must be in %d..%d, got %d", MIN_KLL_K, MAX_KLL_K, kllK);
    }

    public static StatsOptions defaults()
    {
        return new StatsOptions(
                DEFAULT_EXACT_DISTINCT_LIMIT,
                DEFAULT_MOST_COMMON_VALUES,
                DEFAULT_HISTOGRAM_BUCKETS,
                DEFAULT_HLL_LG_K,
                DEFAULT_KLL_K,
                DEFAULT_SEED);
    }

    public StatsOptions withExactDistinctLimit(int limit)
    {
        return new StatsOptions(limit, mostCommonValues, histogramBuckets, hllLgK, kllK, seed);
    }

    public StatsOptions withSeed(long newSeed)
    {
        return new StatsOptions(exactDistinctLimit, mostCommonValues, histogramBuckets, hllLgK, kllK, newSeed);
    }

    private static void check(boolean condition, String message, Object... args)
    {
        if (!condition) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "invalid statistics options: " + format(message, args));
        }
    }
}
