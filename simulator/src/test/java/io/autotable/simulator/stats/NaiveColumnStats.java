package io.autotable.simulator.stats;

import io.autotable.catalog.ColumnType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deliberately naive, exact model of a column's statistics: it keeps every value, sorts them
 * and counts, with its own value normalization, ordering and formatting.
 */
final class NaiveColumnStats
{
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    final ColumnType type;
    final long rows;
    final long nulls;
    final List<Object> sorted;
    final TreeMap<Object, Long> counts;
    final long bytes;

    NaiveColumnStats(ColumnType type, List<Object> values)
    {
        this.type = type;
        this.rows = values.size();
        Comparator<Object> order = comparator(type);
        List<Object> keys = new ArrayList<>();
        long nullCount = 0;
        long byteCount = 0;
        for (Object value : values) {
            if (value == null) {
                nullCount++;
                continue;
            }
            Object key = normalize(type, value);
            keys.add(key);
            byteCount += switch (type.kind()) {
                case VARCHAR -> ((String) key).getBytes(StandardCharsets.UTF_8).length;
                default -> type.maxWidth();
            };
        }
        keys.sort(order);
        this.sorted = keys;
        this.nulls = nullCount;
        this.bytes = byteCount;
        this.counts = new TreeMap<>(order);
        for (Object key : keys) {
            counts.merge(key, 1L, Long::sum);
        }
    }

    long nonNull()
    {
        return sorted.size();
    }

    double nullFraction()
    {
        return rows == 0 ? 0 : (double) nulls / rows;
    }

    String min()
    {
        return text(sorted.get(0));
    }

    String max()
    {
        return text(sorted.get(sorted.size() - 1));
    }

    /** Fraction of non-null values strictly below, and at or below, a value given as text. */
    double[] rankRange(Object key)
    {
        Comparator<Object> order = comparator(type);
        long below = 0;
        long atOrBelow = 0;
        for (Map.Entry<Object, Long> entry : counts.entrySet()) {
            int comparison = order.compare(entry.getKey(), key);
            if (comparison < 0) {
                below += entry.getValue();
            }
            if (comparison <= 0) {
                atOrBelow += entry.getValue();
            }
        }
        return new double[] {(double) below / nonNull(), (double) atOrBelow / nonNull()};
    }

    List<String> histogram(int buckets)
    {
        List<String> bounds = new ArrayList<>();
        int n = sorted.size();
        for (int i = 0; i <= buckets; i++) {
            int index = i == 0 ? 0 : (int) Math.ceil((double) i * n / buckets) - 1;
            String bound = text(sorted.get(index));
            if (bounds.isEmpty() || !bounds.get(bounds.size() - 1).equals(bound)) {
                bounds.add(bound);
            }
        }
        if (bounds.size() == 1) {
            bounds.add(bounds.get(0));
        }
        return bounds;
    }

    /** Values with their exact frequencies, by the documented rule, most frequent first. */
    List<Map.Entry<String, Double>> mostCommon(int limit)
    {
        List<Map.Entry<Object, Long>> entries = new ArrayList<>();
        for (Map.Entry<Object, Long> entry : counts.entrySet()) {
            long count = entry.getValue();
            boolean aboveAverage = counts.size() <= limit || count > (double) nonNull() / counts.size();
            if (count >= 2 && aboveAverage) {
                entries.add(entry);
            }
        }
        // counts is sorted by value, and the sort is stable: ties stay in value order
        entries.sort(Comparator.comparing(Map.Entry<Object, Long>::getValue).reversed());
        List<Map.Entry<String, Double>> result = new ArrayList<>();
        for (Map.Entry<Object, Long> entry : entries.subList(0, Math.min(limit, entries.size()))) {
            result.add(Map.entry(text(entry.getKey()), (double) entry.getValue() / rows));
        }
        return result;
    }

    static Object normalize(ColumnType type, Object value)
    {
        return switch (type.kind()) {
            case DECIMAL -> ((BigDecimal) value).setScale(type.scale(), RoundingMode.HALF_UP);
            case REAL -> (double) (float) (double) (Double) value + 0.0;
            case DOUBLE -> (Double) value + 0.0;
            case CHAR -> ((String) value).replaceAll(" +$", "");
            default -> value;
        };
    }

    static Comparator<Object> comparator(ColumnType type)
    {
        if (type.isText()) {
            return (left, right) -> Arrays.compareUnsigned(
                    ((String) left).getBytes(StandardCharsets.UTF_8),
                    ((String) right).getBytes(StandardCharsets.UTF_8));
        }
        @SuppressWarnings("unchecked")
        Comparator<Object> natural = (left, right) -> ((Comparable<Object>) left).compareTo(right);
        return natural;
    }

    String text(Object key)
    {
        if (key instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (key instanceof Double number) {
            if (number.isNaN()) {
                return "NaN";
            }
            if (type.kind() == ColumnType.Kind.REAL) {
                return new BigDecimal(Float.toString((float) (double) number)).stripTrailingZeros().toPlainString();
            }
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        if (key instanceof LocalDateTime timestamp) {
            return TIMESTAMP.format(timestamp);
        }
        if (key instanceof LocalDate date) {
            return String.format("%04d-%02d-%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        }
        return key.toString();
    }
}
