package io.autotable.catalog;

import io.autotable.error.CaptureException;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What is known about a column's values. Values (min, max, most common, histogram bounds) are
 * written in their canonical text form: decimal digits for numbers, ISO-8601 for dates and times,
 * the string itself for text; {@link ColumnType} says how to compare them.
 *
 * @param rowCount rows the statistics were computed over (the table's rows, or a sample's)
 * @param nullFraction fraction of those rows that are null
 * @param distinct number of distinct non-null values
 * @param distinctExact whether {@code distinct} was counted exactly or estimated by a sketch
 * @param min smallest non-null value, absent when every value is null
 * @param max largest non-null value, absent when every value is null
 * @param mostCommon most common non-null values, most frequent first
 * @param histogram equi-depth histogram bounds over the non-null values: {@code k + 1} ascending
 *        values cutting them into {@code k} buckets of about equal row counts (empty when all null)
 * @param averageWidth average bytes of a non-null value, uncompressed
 */
public record ColumnStats(
        long rowCount,
        double nullFraction,
        long distinct,
        boolean distinctExact,
        Optional<String> min,
        Optional<String> max,
        List<ValueFrequency> mostCommon,
        List<String> histogram,
        double averageWidth)
{
    public ColumnStats
    {
        requireNonNull(min, "min is null");
        requireNonNull(max, "max is null");
        mostCommon = List.copyOf(requireNonNull(mostCommon, "mostCommon is null"));
        histogram = List.copyOf(requireNonNull(histogram, "histogram is null"));
        if (rowCount < 0) {
            throw CaptureException.invalid("rowCount must be >= 0, got %d", rowCount);
        }
        if (!(nullFraction >= 0 && nullFraction <= 1)) {
            throw CaptureException.invalid("nullFraction must be in [0, 1], got %s", nullFraction);
        }
        if (distinct < 0 || distinct > Math.max(rowCount, 0) && distinctExact) {
            throw CaptureException.invalid("distinct must be in 0..rowCount (%d), got %d", rowCount, distinct);
        }
        if (min.isPresent() != max.isPresent()) {
            throw CaptureException.invalid("min and max must be both present or both absent");
        }
        if (histogram.size() == 1) {
            throw CaptureException.invalid("a histogram needs at least two bounds");
        }
        if (!(averageWidth >= 0) || Double.isInfinite(averageWidth)) {
            throw CaptureException.invalid("averageWidth must be >= 0, got %s", averageWidth);
        }
    }

    /** Statistics of a column nobody has looked at yet. */
    public static ColumnStats unknown()
    {
        return new ColumnStats(0, 0, 0, true, Optional.empty(), Optional.empty(), List.of(), List.of(), 0);
    }

    /** Rows that hold a non-null value. */
    public long nonNullCount()
    {
        return Math.round(rowCount * (1 - nullFraction));
    }
}
