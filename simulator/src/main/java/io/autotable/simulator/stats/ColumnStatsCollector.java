package io.autotable.simulator.stats;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnStats;
import io.autotable.catalog.ValueFrequency;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.ItemsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * One column's statistics, computed in one pass. Exact while the column has at most
 * {@link StatsOptions#exactDistinctLimit()} distinct values: every distinct value is counted in a
 * hash table, and distinct count, most common values and histogram come from those counts. When
 * one more distinct value arrives, the counts are replayed into sketches (each distinct value with
 * its count, in first-occurrence order) and dropped; the sketches take every later value:
 * <ul>
 * <li>distinct count: HyperLogLog ({@link HllSketch}, HLL_8). HLL ignores repeats, so replaying the
 *     distinct values in first-occurrence order leaves it exactly as if it had seen every row;
 *     the estimate is clamped to [distinct values seen before the switch, non-null rows];</li>
 * <li>most common values: the frequent-items sketch ({@link ItemsSketch}, Misra-Gries with
 *     {@value #FREQUENT_ITEMS_MAP_SIZE} counters: counts are within 3.5 / {@value #FREQUENT_ITEMS_MAP_SIZE}
 *     of the rows, about 0.04%);</li>
 * <li>histogram: a KLL quantile sketch, made deterministic by {@link KllQuantiles}.</li>
 * </ul>
 * Null fraction, min, max and width are always exact.
 *
 * <p>Most common values are those that occur at least twice and, when the column has more distinct
 * values than {@link StatsOptions#mostCommonValues()}, more often than the average value
 * (non-null rows / distinct values), so a uniform column lists none. In sketch mode a value must
 * also be reported by the sketch without false positives. They are ordered by count, most frequent
 * first, ties by value; their frequency counts nulls in the denominator.
 *
 * <p>The histogram's bounds are the minimum, the values at normalized ranks {@code i/k} for
 * {@code i = 1..k-1} (the smallest value whose cumulative count reaches {@code i * n / k}) and the
 * maximum; repeated bounds are kept once, so a skewed or low-cardinality column has fewer buckets.
 * A single distinct value {@code v} gives the one bucket {@code [v, v]}.
 *
 * <p>Not thread-safe.
 */
final class ColumnStatsCollector
{
    static final int FREQUENT_ITEMS_MAP_SIZE = 8192;

    private final Column column;
    private final ValueType type;
    private final StatsOptions options;
    private final long seed;

    private long rows;
    private long nulls;
    private long bytes;
    private Object min;
    private Object max;

    // exact mode: counts != null; sketch mode: the three sketches != null
    private ValueCounts counts = new ValueCounts();
    private long distinctAtSwitch;
    private HllSketch distinct;
    private ItemsSketch<Object> frequent;
    private KllQuantiles quantiles;

    ColumnStatsCollector(Column column, StatsOptions options, long seed)
    {
        this.column = requireNonNull(column, "column is null");
        this.options = requireNonNull(options, "options is null");
        this.type = ValueType.of(column.type());
        this.seed = seed;
    }

    /**
     * Adds the column's value of one row.
     *
     * @param row the row's 1-based number, for error messages
     */
    void add(Object value, long row)
    {
        if (value == null) {
            if (!column.nullable()) {
                throw new SimulatorException(
                        ErrorCode.INVALID_ARGUMENT,
                        format("row %d: column %s is NOT NULL but the value is null", row, column.name()));
            }
            rows++;
            nulls++;
            return;
        }
        Object key;
        try {
            key = type.normalize(value);
        }
        catch (IllegalArgumentException e) {
            throw new SimulatorException(
                    ErrorCode.INVALID_ARGUMENT,
                    format("row %d: column %s %s cannot hold the value: %s", row, column.name(), column.type(), e.getMessage()));
        }
        rows++;
        bytes += type.width(key);
        if (min == null || type.compare(key, min) < 0) {
            min = key;
        }
        if (max == null || type.compare(key, max) > 0) {
            max = key;
        }
        if (counts != null) {
            counts.add(key);
            if (counts.size() > options.exactDistinctLimit()) {
                switchToSketches();
            }
        }
        else {
            type.hash(distinct, key);
            frequent.update(key);
            quantiles.add(key);
        }
    }

    Column column()
    {
        return column;
    }

    /** Uncompressed bytes of the non-null values added so far. */
    long bytes()
    {
        return bytes;
    }

    /**
     * Distinct values seen exactly once, for estimating a whole table's distinct count from a
     * sample ({@link SampleScaling}). Exact while the column is counted exactly; in sketch mode
     * the counts are gone, and the estimate assumes every value that repeats occurs exactly twice:
     * {@code max(0, 2d - n)} for {@code d} distinct values in {@code n} non-null rows, the fewest
     * singletons those two numbers allow.
     */
    long singletons(long distinctValues)
    {
        if (counts != null) {
            long singletons = 0;
            for (int index = 0; index < counts.size(); index++) {
                if (counts.count(index) == 1) {
                    singletons++;
                }
            }
            return singletons;
        }
        return Math.max(0, 2 * distinctValues - (rows - nulls));
    }

    ColumnStats finish()
    {
        long nonNull = rows - nulls;
        double nullFraction = rows == 0 ? 0 : (double) nulls / rows;
        double averageWidth = nonNull == 0 ? type.nominalWidth() : (double) bytes / nonNull;
        if (nonNull == 0) {
            return new ColumnStats(rows, nullFraction, 0, true, Optional.empty(), Optional.empty(), List.of(), List.of(), averageWidth);
        }
        Optional<String> minText = Optional.of(type.text(min));
        Optional<String> maxText = Optional.of(type.text(max));
        if (counts != null) {
            return new ColumnStats(
                    rows,
                    nullFraction,
                    counts.size(),
                    true,
                    minText,
                    maxText,
                    exactMostCommon(nonNull),
                    exactHistogram(nonNull),
                    averageWidth);
        }
        long estimate = Math.max(distinctAtSwitch, Math.min(nonNull, Math.round(distinct.getEstimate())));
        return new ColumnStats(
                rows,
                nullFraction,
                estimate,
                false,
                minText,
                maxText,
                sketchedMostCommon(nonNull, estimate),
                sketchedHistogram(),
                averageWidth);
    }

    private void switchToSketches()
    {
        distinctAtSwitch = counts.size();
        distinct = new HllSketch(options.hllLgK(), TgtHllType.HLL_8);
        frequent = new ItemsSketch<>(FREQUENT_ITEMS_MAP_SIZE);
        quantiles = type.newQuantiles(options.kllK(), seed);
        for (int index = 0; index < counts.size(); index++) {
            Object key = counts.key(index);
            type.hash(distinct, key);
            frequent.update(key, counts.count(index));
        }
        quantiles.addAll(counts);
        counts = null;
    }

    private List<ValueFrequency> exactMostCommon(long nonNull)
    {
        int limit = options.mostCommonValues();
        int distinctValues = counts.size();
        boolean aboveAverage = distinctValues > limit;
        // a min-heap of the best candidates so far: the weakest (lowest count, then highest value) on top
        Comparator<Integer> strength = Comparator.<Integer>comparingLong(counts::count)
                .thenComparing((left, right) -> type.compare(counts.key(right), counts.key(left)));
        PriorityQueue<Integer> best = new PriorityQueue<>(strength);
        for (int index = 0; index < distinctValues && limit > 0; index++) {
            long count = counts.count(index);
            if (count < 2 || aboveAverage && (double) count * distinctValues <= nonNull) {
                continue;
            }
            best.add(index);
            if (best.size() > limit) {
                best.poll();
            }
        }
        List<Integer> chosen = new ArrayList<>(best);
        chosen.sort(strength.reversed());
        List<ValueFrequency> mostCommon = new ArrayList<>(chosen.size());
        for (int index : chosen) {
            mostCommon.add(new ValueFrequency(type.text(counts.key(index)), (double) counts.count(index) / rows));
        }
        return mostCommon;
    }

    private List<ValueFrequency> sketchedMostCommon(long nonNull, long distinctEstimate)
    {
        List<ItemsSketch.Row<Object>> candidates = new ArrayList<>();
        for (ItemsSketch.Row<Object> row : frequent.getFrequentItems(ErrorType.NO_FALSE_POSITIVES)) {
            if (row.getLowerBound() >= 2 && (double) row.getEstimate() * distinctEstimate > nonNull) {
                candidates.add(row);
            }
        }
        candidates.sort(Comparator.<ItemsSketch.Row<Object>>comparingLong(ItemsSketch.Row::getEstimate).reversed()
                .thenComparing((left, right) -> type.compare(left.getItem(), right.getItem())));
        List<ValueFrequency> mostCommon = new ArrayList<>();
        for (ItemsSketch.Row<Object> row : candidates.subList(0, Math.min(candidates.size(), options.mostCommonValues()))) {
            mostCommon.add(new ValueFrequency(type.text(row.getItem()), Math.min(1.0, (double) row.getEstimate() / rows)));
        }
        return mostCommon;
    }

    private List<String> exactHistogram(long nonNull)
    {
        int distinctValues = counts.size();
        Integer[] order = new Integer[distinctValues];
        Arrays.setAll(order, index -> index);
        Arrays.sort(order, (left, right) -> type.compare(counts.key(left), counts.key(right)));

        long buckets = options.histogramBuckets();
        List<Object> bounds = new ArrayList<>(options.histogramBuckets() + 1);
        bounds.add(min);
        long cumulative = 0;
        long next = 1;
        for (int index : order) {
            cumulative += counts.count(index);
            // the smallest value whose cumulative count reaches next * n / k, in integers
            while (next < buckets && cumulative * buckets >= next * nonNull) {
                bounds.add(counts.key(index));
                next++;
            }
        }
        bounds.add(max);
        return boundsText(bounds);
    }

    private List<String> sketchedHistogram()
    {
        int buckets = options.histogramBuckets();
        double[] ranks = new double[buckets - 1];
        for (int i = 1; i < buckets; i++) {
            ranks[i - 1] = (double) i / buckets;
        }
        List<Object> bounds = new ArrayList<>(buckets + 1);
        bounds.add(min);
        if (ranks.length > 0) {
            bounds.addAll(quantiles.quantiles(ranks));
        }
        bounds.add(max);
        return boundsText(bounds);
    }

    private List<String> boundsText(List<Object> bounds)
    {
        List<String> text = new ArrayList<>(bounds.size());
        Object previous = null;
        for (Object bound : bounds) {
            if (previous == null || type.compare(bound, previous) > 0) {
                text.add(type.text(bound));
                previous = bound;
            }
        }
        if (text.size() == 1) {
            text.add(text.get(0));
        }
        return text;
    }
}
