package io.autotable.distkey;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnStats;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.catalog.ValueFrequency;
import io.autotable.workload.Predicate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Estimates the fraction of a table's rows that pass a query's filters, from the columns'
 * {@link ColumnStats}. Simple on purpose: the join graph needs the order of magnitude of the bytes
 * a join moves, not a cardinality estimator. The rules, for a column with null fraction {@code f},
 * {@code d} distinct values and most common values {@code mcv}:
 * <ul>
 * <li>{@code = v}: the frequency of {@code v} if it is a most common value, else the rest spread
 * evenly, {@code (1 − f − Σ mcv) / (d − |mcv|)}; with no statistics (or no literal) {@code (1 − f) / d}
 * or the default;</li>
 * <li>{@code <>}, {@code NOT IN}: {@code 1 − f} minus the equality (or IN) estimate;</li>
 * <li>{@code IN (v1..vk)}: the sum of the equalities, at most 1 − f;</li>
 * <li>{@code <, <=, >, >=, BETWEEN} on numbers, dates, times and timestamps: the fraction of the
 * equi-depth histogram below the value, interpolated linearly inside a bucket, or without histogram
 * linearly between min and max; times {@code 1 − f};</li>
 * <li>{@code LIKE 'prefix%'}: 0.1; {@code IS NULL}: {@code f}; {@code IS NOT NULL}: {@code 1 − f}
 * (1 without statistics);</li>
 * <li>anything else, or without statistics: {@link #DEFAULT} = 1/3.</li>
 * </ul>
 * Predicates on different columns are taken as independent: a table's selectivity is their product.
 */
public final class Selectivity
{
    public static final double DEFAULT = 1.0 / 3;
    public static final double LIKE_PREFIX = 0.1;

    private Selectivity() {}

    /**
     * The fraction of {@code table}'s rows passing every one of {@code predicates}; predicates on other
     * tables are ignored. An unknown table (empty) takes every predicate at its default.
     */
    public static double of(Optional<Table> table, List<Predicate> predicates)
    {
        double selectivity = 1;
        for (Predicate predicate : predicates) {
            if (table.isPresent() && !table.get().name().equals(predicate.column().table())) {
                continue;
            }
            selectivity *= of(predicate, table.flatMap(known -> known.findColumn(predicate.column().column())));
        }
        return clamp(selectivity);
    }

    /** The fraction of rows passing {@code predicate}, given what is known of its column. */
    public static double of(Predicate predicate, Optional<Column> column)
    {
        Optional<ColumnStats> stats = column.flatMap(Column::stats).filter(known -> known.rowCount() > 0);
        if (stats.isEmpty()) {
            return switch (predicate.operator()) {
                case LIKE_PREFIX -> LIKE_PREFIX;
                case IS_NOT_NULL -> 1;
                default -> DEFAULT;
            };
        }
        ColumnStats known = stats.get();
        ColumnType type = column.get().type();
        double nonNull = 1 - known.nullFraction();
        List<String> values = predicate.values();
        return clamp(switch (predicate.operator()) {
            case EQUAL -> values.isEmpty() ? equality(known, Optional.empty()) : equality(known, Optional.of(values.get(0)));
            case NOT_EQUAL -> nonNull - (values.isEmpty() ? equality(known, Optional.empty()) : equality(known, Optional.of(values.get(0))));
            case IN -> in(known, values);
            case NOT_IN -> nonNull - in(known, values);
            case LESS_THAN, LESS_THAN_OR_EQUAL -> values.isEmpty() ? DEFAULT : range(known, type, Optional.empty(), Optional.of(values.get(0)));
            case GREATER_THAN, GREATER_THAN_OR_EQUAL -> values.isEmpty() ? DEFAULT : range(known, type, Optional.of(values.get(0)), Optional.empty());
            case BETWEEN -> values.isEmpty() ? DEFAULT : range(known, type, Optional.of(values.get(0)), Optional.of(values.get(1)));
            case LIKE_PREFIX -> LIKE_PREFIX;
            case LIKE -> DEFAULT;
            case IS_NULL -> known.nullFraction();
            case IS_NOT_NULL -> nonNull;
        });
    }

    private static double equality(ColumnStats stats, Optional<String> value)
    {
        double nonNull = 1 - stats.nullFraction();
        if (stats.distinct() <= 0) {
            return 0;
        }
        if (value.isEmpty() || stats.mostCommon().isEmpty()) {
            return nonNull / stats.distinct();
        }
        double common = 0;
        for (ValueFrequency frequency : stats.mostCommon()) {
            if (frequency.value().equals(value.get())) {
                return frequency.frequency();
            }
            common += frequency.frequency();
        }
        long rest = stats.distinct() - stats.mostCommon().size();
        return rest <= 0 ? 0 : Math.max(0, nonNull - common) / rest;
    }

    private static double in(ColumnStats stats, List<String> values)
    {
        if (values.isEmpty()) {
            return DEFAULT;
        }
        double total = 0;
        for (String value : values.stream().distinct().toList()) {
            total += equality(stats, Optional.of(value));
        }
        return Math.min(total, 1 - stats.nullFraction());
    }

    private static double range(ColumnStats stats, ColumnType type, Optional<String> low, Optional<String> high)
    {
        OptionalDouble lowFraction = low.isEmpty() ? OptionalDouble.of(0) : below(stats, type, low.get());
        OptionalDouble highFraction = high.isEmpty() ? OptionalDouble.of(1) : below(stats, type, high.get());
        if (lowFraction.isEmpty() || highFraction.isEmpty()) {
            return DEFAULT;
        }
        return Math.max(0, highFraction.getAsDouble() - lowFraction.getAsDouble()) * (1 - stats.nullFraction());
    }

    /** The fraction of non-null values below {@code value}, empty when the type or values cannot be ordered numerically. */
    private static OptionalDouble below(ColumnStats stats, ColumnType type, String value)
    {
        OptionalDouble point = number(type, value);
        if (point.isEmpty()) {
            return OptionalDouble.empty();
        }
        double v = point.getAsDouble();
        List<String> histogram = stats.histogram();
        if (histogram.size() >= 2) {
            int buckets = histogram.size() - 1;
            double previous = Double.NaN;
            for (int i = 0; i <= buckets; i++) {
                OptionalDouble bound = number(type, histogram.get(i));
                if (bound.isEmpty()) {
                    return OptionalDouble.empty();
                }
                double b = bound.getAsDouble();
                if (v < b) {
                    if (i == 0) {
                        return OptionalDouble.of(0);
                    }
                    return OptionalDouble.of((i - 1 + (v - previous) / (b - previous)) / buckets);
                }
                previous = b;
            }
            return OptionalDouble.of(1);
        }
        if (stats.min().isEmpty()) {
            return OptionalDouble.empty();
        }
        OptionalDouble min = number(type, stats.min().get());
        OptionalDouble max = number(type, stats.max().get());
        if (min.isEmpty() || max.isEmpty()) {
            return OptionalDouble.empty();
        }
        double lo = min.getAsDouble();
        double hi = max.getAsDouble();
        if (hi <= lo) {
            return OptionalDouble.of(v < lo ? 0 : 1);
        }
        return OptionalDouble.of(clamp((v - lo) / (hi - lo)));
    }

    /** Numbers as themselves, dates as epoch days, times as seconds of the day, timestamps as epoch seconds. */
    private static OptionalDouble number(ColumnType type, String text)
    {
        try {
            if (type.isNumeric()) {
                return OptionalDouble.of(Double.parseDouble(text.strip()));
            }
            return switch (type.kind()) {
                case DATE -> OptionalDouble.of(LocalDate.parse(text.strip()).toEpochDay());
                case TIME -> OptionalDouble.of(LocalTime.parse(text.strip()).toSecondOfDay());
                case TIMESTAMP, TIMESTAMPTZ -> OptionalDouble.of(timestamp(text.strip()));
                default -> OptionalDouble.empty();
            };
        }
        catch (NumberFormatException | DateTimeParseException e) {
            return OptionalDouble.empty();
        }
    }

    private static double timestamp(String text)
    {
        if (text.length() == 10) {
            return LocalDate.parse(text).toEpochDay() * 86400.0;
        }
        String iso = text.replace(' ', 'T');
        int zone = Math.max(iso.indexOf('+', 10), iso.indexOf('Z', 10));
        if (zone > 0) {
            iso = iso.substring(0, zone);
        }
        return LocalDateTime.parse(iso).toEpochSecond(ZoneOffset.UTC);
    }

    private static double clamp(double fraction)
    {
        return Double.isNaN(fraction) ? DEFAULT : Math.max(0, Math.min(1, fraction));
    }
}
