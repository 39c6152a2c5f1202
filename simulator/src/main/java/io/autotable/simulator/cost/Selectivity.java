package io.autotable.simulator.cost;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnStats;
import io.autotable.catalog.ValueFrequency;
import io.autotable.workload.Predicate;
import io.autotable.workload.PredicateOperator;

import java.util.List;
import java.util.Optional;

/**
 * The fraction of a table's rows a column's predicates keep, from the column's statistics: most
 * common values for points, the equi-depth histogram (linear within a bucket) for ranges, the
 * distinct count for the rest; columns multiply (independence). Without statistics: 5% for a point,
 * 30% for a range, 10% for LIKE.
 */
public final class Selectivity
{
    private static final double DEFAULT_POINT = 0.05;
    private static final double DEFAULT_RANGE = 0.3;
    private static final double DEFAULT_LIKE = 0.1;

    private Selectivity() {}

    public static double of(Column column, List<Predicate> predicates, KeyRanges ranges)
    {
        double fraction = 1;
        Optional<ColumnStats> stats = column.stats();
        if (!ranges.isAll()) {
            fraction = ranges.nullsOnly() ? stats.map(ColumnStats::nullFraction).orElse(DEFAULT_POINT) : rangesFraction(column, ranges);
        }
        for (Predicate predicate : predicates) {
            switch (predicate.operator()) {
                case NOT_EQUAL, NOT_IN -> fraction *= Math.max(0, 1 - predicate.values().size() * pointFraction(column, null));
                case LIKE -> fraction *= DEFAULT_LIKE;
                case IS_NOT_NULL -> fraction *= 1 - stats.map(ColumnStats::nullFraction).orElse(0.0);
                default -> {
                    if (ranges.isAll() && predicate.operator() != PredicateOperator.IS_NULL) {
                        // a value that is not a constant: the predicate filters, by how much is unknown
                        fraction *= predicate.operator() == PredicateOperator.EQUAL ? pointFraction(column, null) : DEFAULT_RANGE;
                    }
                }
            }
        }
        return Math.max(0, Math.min(1, fraction));
    }

    private static double rangesFraction(Column column, KeyRanges ranges)
    {
        double total = 0;
        for (int i = 0; i < ranges.intervals(); i++) {
            long low = ranges.low(i);
            long high = ranges.high(i);
            total += low == high ? pointFraction(column, low) : rangeFraction(column, low, high);
        }
        return Math.min(1, total);
    }

    private static double pointFraction(Column column, Long key)
    {
        if (column.stats().isEmpty()) {
            return DEFAULT_POINT;
        }
        ColumnStats stats = column.stats().get();
        double common = 0;
        for (ValueFrequency frequency : stats.mostCommon()) {
            if (key != null && KeyRanges.key(column.type(), frequency.value()) == key) {
                return frequency.frequency();
            }
            common += frequency.frequency();
        }
        long rest = stats.distinct() - stats.mostCommon().size();
        double remaining = Math.max(0, 1 - stats.nullFraction() - common);
        return rest <= 0 ? 0 : remaining / rest;
    }

    private static double rangeFraction(Column column, long low, long high)
    {
        if (column.stats().isEmpty() || column.stats().get().histogram().size() < 2) {
            return DEFAULT_RANGE;
        }
        ColumnStats stats = column.stats().get();
        List<String> bounds = stats.histogram();
        double[] keys = new double[bounds.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = KeyRanges.key(column.type(), bounds.get(i));
        }
        double fraction = position(keys, high) - position(keys, low);
        return Math.max(0, fraction) * (1 - stats.nullFraction());
    }

    // fraction of values at or below the key, interpolated in its bucket
    private static double position(double[] bounds, double key)
    {
        int buckets = bounds.length - 1;
        if (key < bounds[0]) {
            return 0;
        }
        if (key >= bounds[buckets]) {
            return 1;
        }
        for (int i = 0; i < buckets; i++) {
            if (key < bounds[i + 1]) {
                double width = bounds[i + 1] - bounds[i];
                double within = width <= 0 ? 1 : (key - bounds[i]) / width;
                return (i + within) / buckets;
            }
        }
        return 1;
    }
}
