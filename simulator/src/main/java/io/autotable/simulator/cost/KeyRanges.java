package io.autotable.simulator.cost;

import io.autotable.catalog.ColumnType;
import io.autotable.simulator.layout.Keys;
import io.autotable.workload.Predicate;
import io.autotable.workload.PredicateOperator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What one column's predicates let a zone map rule out: a union of inclusive key intervals (see
 * {@link Keys}), or only nulls, or nothing ({@link #all()}: every block may match).
 *
 * <p>A query shape lists a column's predicates without saying whether AND or OR joins them, so
 * they are combined as SQL usually does: range bounds ({@code <}, {@code <=}, {@code >}, {@code >=},
 * BETWEEN) intersect, unless their intersection is empty, which under AND would be a contradiction
 * and so means OR (TPC-H q19's {@code quantity between 1 and 11 or between 10 and 20 ...}): then
 * they are united; points (=, IN, LIKE 'prefix%') unite; points and ranges intersect.
 * {@code IS NULL} alone keeps blocks with nulls. Operators that rule out no block ({@code <>},
 * NOT IN, LIKE without a prefix, IS NOT NULL) and non-constant values are ignored.
 *
 * <p>Integer-valued types (integers, DECIMAL at its scale, DATE) convert bounds exactly, so
 * {@code x > 5} starts at 6; REAL, DOUBLE, TIME, TIMESTAMP and text keep bounds inclusive, which may
 * read a block a precise check would skip, never the other way round. Text compares by the 8-byte
 * prefix key, as Redshift's zone maps do.
 */
public final class KeyRanges
{
    private static final KeyRanges ALL = new KeyRanges(new long[0], new long[0], false, true);

    private final long[] lows;
    private final long[] highs;
    private final boolean nullsOnly;
    private final boolean all;

    private KeyRanges(long[] lows, long[] highs, boolean nullsOnly, boolean all)
    {
        this.lows = lows;
        this.highs = highs;
        this.nullsOnly = nullsOnly;
        this.all = all;
    }

    public static KeyRanges all()
    {
        return ALL;
    }

    public static KeyRanges of(long[] lows, long[] highs)
    {
        return new KeyRanges(lows.clone(), highs.clone(), false, false);
    }

    public boolean isAll()
    {
        return all;
    }

    public boolean nullsOnly()
    {
        return nullsOnly;
    }

    public int intervals()
    {
        return lows.length;
    }

    public long low(int interval)
    {
        return lows[interval];
    }

    public long high(int interval)
    {
        return highs[interval];
    }

    /** Whether a block with this zone map may hold a matching row. */
    public boolean mayMatch(long min, long max, boolean hasNull)
    {
        if (all) {
            return true;
        }
        if (nullsOnly) {
            return hasNull;
        }
        if (min > max) {
            return false;
        }
        for (int i = 0; i < lows.length; i++) {
            if (lows[i] <= max && highs[i] >= min) {
                return true;
            }
        }
        return false;
    }

    /** Whether a value with this key matches (the row-level check the zone maps approximate). */
    public boolean matches(long key)
    {
        if (all) {
            return true;
        }
        for (int i = 0; i < lows.length; i++) {
            if (lows[i] <= key && key <= highs[i]) {
                return true;
            }
        }
        return false;
    }

    /** The ranges of one column's predicates (all on that column). */
    public static KeyRanges forPredicates(ColumnType type, List<Predicate> predicates)
    {
        long rangeLow = Long.MIN_VALUE;
        long rangeHigh = Long.MAX_VALUE;
        boolean anyRange = false;
        List<long[]> ranges = new ArrayList<>();
        List<long[]> points = new ArrayList<>();
        boolean anyPoint = false;
        boolean isNull = false;
        int others = 0;
        for (Predicate predicate : predicates) {
            PredicateOperator operator = predicate.operator();
            if (operator == PredicateOperator.IS_NULL) {
                isNull = true;
                continue;
            }
            Optional<long[]> bounds = bounds(type, operator, predicate.values());
            if (bounds.isEmpty()) {
                others++;
                continue;
            }
            switch (operator) {
                case EQUAL, IN, LIKE_PREFIX -> {
                    anyPoint = true;
                    long[] pairs = bounds.get();
                    for (int i = 0; i < pairs.length; i += 2) {
                        points.add(new long[] {pairs[i], pairs[i + 1]});
                    }
                }
                default -> {
                    anyRange = true;
                    long[] pair = bounds.get();
                    ranges.add(pair);
                    rangeLow = Math.max(rangeLow, pair[0]);
                    rangeHigh = Math.min(rangeHigh, pair[1]);
                }
            }
        }
        if (!anyRange && !anyPoint) {
            return isNull && others == 0 ? new KeyRanges(new long[0], new long[0], true, false) : ALL;
        }
        if (isNull) {
            // x IS NULL next to value predicates: an OR (an AND would match nothing); nulls are not in key ranges
            return ALL;
        }
        List<long[]> rangeUnion = new ArrayList<>();
        if (anyRange) {
            if (rangeLow <= rangeHigh) {
                rangeUnion.add(new long[] {rangeLow, rangeHigh});
            }
            else {
                rangeUnion.addAll(ranges);
            }
        }
        List<long[]> result;
        if (anyPoint && anyRange) {
            result = new ArrayList<>();
            for (long[] point : points) {
                for (long[] range : rangeUnion) {
                    long low = Math.max(point[0], range[0]);
                    long high = Math.min(point[1], range[1]);
                    if (low <= high) {
                        result.add(new long[] {low, high});
                    }
                }
            }
        }
        else {
            result = anyPoint ? points : rangeUnion;
        }
        result.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] lows = new long[result.size()];
        long[] highs = new long[result.size()];
        int n = 0;
        for (long[] interval : result) {
            boolean touches = n > 0 && (highs[n - 1] == Long.MAX_VALUE || interval[0] <= highs[n - 1] + 1);
            if (touches) {
                highs[n - 1] = Math.max(highs[n - 1], interval[1]);
            }
            else {
                lows[n] = interval[0];
                highs[n] = interval[1];
                n++;
            }
        }
        return new KeyRanges(Arrays.copyOf(lows, n), Arrays.copyOf(highs, n), false, false);
    }

    // inclusive [low, high] pairs for the operator, empty when it rules out nothing or a value does not convert
    private static Optional<long[]> bounds(ColumnType type, PredicateOperator operator, List<String> values)
    {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        try {
            return switch (operator) {
                case EQUAL, IN -> {
                    long[] pairs = new long[values.size() * 2];
                    int n = 0;
                    for (String value : values) {
                        long[] point = point(type, value);
                        if (point != null) {
                            pairs[n++] = point[0];
                            pairs[n++] = point[1];
                        }
                    }
                    yield Optional.of(Arrays.copyOf(pairs, n));
                }
                case LIKE_PREFIX -> type.isText()
                        ? Optional.of(new long[] {Keys.textKey(values.get(0)), Keys.textPrefixUpperKey(values.get(0))})
                        : Optional.empty();
                case GREATER_THAN -> Optional.of(new long[] {lower(type, values.get(0), true), Long.MAX_VALUE});
                case GREATER_THAN_OR_EQUAL -> Optional.of(new long[] {lower(type, values.get(0), false), Long.MAX_VALUE});
                case LESS_THAN -> Optional.of(new long[] {Long.MIN_VALUE, upper(type, values.get(0), true)});
                case LESS_THAN_OR_EQUAL -> Optional.of(new long[] {Long.MIN_VALUE, upper(type, values.get(0), false)});
                case BETWEEN -> Optional.of(new long[] {lower(type, values.get(0), false), upper(type, values.get(1), false)});
                default -> Optional.empty();
            };
        }
        catch (RuntimeException e) {
            // a literal that does not read as the column's type rules out nothing
            return Optional.empty();
        }
    }

    private static long[] point(ColumnType type, String value)
    {
        if (isExact(type)) {
            BigDecimal scaled = exact(type, value);
            if (scaled.stripTrailingZeros().scale() > 0) {
                return null;
            }
            long key = scaled.longValueExact();
            return new long[] {key, key};
        }
        long key = key(type, value);
        return new long[] {key, key};
    }

    private static long lower(ColumnType type, String value, boolean strict)
    {
        if (isExact(type)) {
            BigDecimal scaled = exact(type, value);
            BigDecimal ceiling = scaled.setScale(0, RoundingMode.CEILING);
            long bound = ceiling.longValueExact();
            return strict && ceiling.compareTo(scaled) == 0 ? bound + 1 : bound;
        }
        return key(type, value);
    }

    private static long upper(ColumnType type, String value, boolean strict)
    {
        if (isExact(type)) {
            BigDecimal scaled = exact(type, value);
            BigDecimal floor = scaled.setScale(0, RoundingMode.FLOOR);
            long bound = floor.longValueExact();
            return strict && floor.compareTo(scaled) == 0 ? bound - 1 : bound;
        }
        return key(type, value);
    }

    private static boolean isExact(ColumnType type)
    {
        return switch (type.kind()) {
            case SMALLINT, INTEGER, BIGINT, DECIMAL, DATE, BOOLEAN -> true;
            default -> false;
        };
    }

    // the value in the column's integer key units, unrounded
    private static BigDecimal exact(ColumnType type, String value)
    {
        String text = value.strip();
        return switch (type.kind()) {
            case DECIMAL -> new BigDecimal(text).movePointRight(type.scale());
            case DATE -> BigDecimal.valueOf(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text).toEpochDay());
            case BOOLEAN -> BigDecimal.valueOf(text.equalsIgnoreCase("true") || text.equals("1") || text.equalsIgnoreCase("t") ? 1 : 0);
            default -> new BigDecimal(text);
        };
    }

    /**
     * The key of a literal in a column of this type, as {@link io.autotable.simulator.layout.ColumnData#key}
     * computes it for stored values (exact types rounded down).
     */
    public static long key(ColumnType type, String value)
    {
        String text = value.strip();
        return switch (type.kind()) {
            case SMALLINT, INTEGER, BIGINT, DECIMAL, DATE, BOOLEAN -> exact(type, value).setScale(0, RoundingMode.FLOOR).longValueExact();
            case REAL, DOUBLE -> Keys.doubleKey(Double.parseDouble(text));
            case TIME -> LocalTime.parse(text).toNanoOfDay() / 1_000;
            case TIMESTAMP -> ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), LocalDateTime.parse(text.replace(' ', 'T')));
            case TIMESTAMPTZ -> ChronoUnit.MICROS.between(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), OffsetDateTime.parse(text.replace(' ', 'T')));
            case CHAR -> Keys.textKey(value.stripTrailing());
            case VARCHAR -> Keys.textKey(value);
        };
    }
}
