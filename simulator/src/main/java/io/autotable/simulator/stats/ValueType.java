package io.autotable.simulator.stats;

import io.autotable.catalog.ColumnType;
import org.apache.datasketches.hll.HllSketch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * How statistics treat the values of one column type: which Java values it takes (see
 * {@link io.autotable.simulator.data.BenchmarkGenerator}), the key a value is counted and compared
 * by, its canonical text, its width and how sketches see it.
 *
 * <p>Keys are the values as Redshift stores them: DECIMAL at the column's scale (rounded half up),
 * REAL at float precision, {@code -0.0} folded into {@code 0.0}, times and timestamps truncated to
 * microseconds, CHAR without trailing blanks (Redshift ignores them in comparisons). Text compares
 * in UTF-8 byte order (code point order), as Redshift's byte-wise collation does.
 */
abstract sealed class ValueType
{
    /** Bytes of an empty string's stand-in for HLL, which ignores empty strings: 0xFF never occurs in UTF-8. */
    private static final long EMPTY_TEXT_HASH_INPUT = -1L;
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final Double ZERO = 0.0;

    static ValueType of(ColumnType type)
    {
        requireNonNull(type, "type is null");
        return switch (type.kind()) {
            case SMALLINT, INTEGER, BIGINT -> new IntegerType(type.maxWidth());
            case DECIMAL -> new DecimalType(type);
            case REAL -> new FloatingType(true);
            case DOUBLE -> new FloatingType(false);
            case BOOLEAN -> new BooleanType();
            case CHAR, VARCHAR -> new TextType(type);
            case DATE -> new DateType();
            case TIME -> new TimeType();
            case TIMESTAMP -> new TimestampType();
            case TIMESTAMPTZ -> new TimestampTzType();
        };
    }

    /** The Java classes the type's values arrive as, for error messages. */
    abstract String javaTypes();

    /**
     * The key a value is counted, compared and written by.
     *
     * @throws IllegalArgumentException when the value is of another Java type, or out of the
     *         column type's range
     */
    abstract Object normalize(Object value);

    abstract int compare(Object left, Object right);

    /** The key's canonical text, as {@link io.autotable.catalog.ColumnStats} writes values. */
    abstract String text(Object key);

    /** Uncompressed bytes of a key. */
    abstract int width(Object key);

    /** The width reported for a column without a non-null value. */
    abstract int nominalWidth();

    abstract void hash(HllSketch sketch, Object key);

    abstract KllQuantiles newQuantiles(int k, long seed);

    final IllegalArgumentException mismatch(Object value)
    {
        return new IllegalArgumentException(format("expected %s, got %s '%s'", javaTypes(), value.getClass().getName(), value));
    }

    /** Orders strings by their UTF-8 bytes, which is code point order, without encoding them. */
    static int compareUtf8(String left, String right)
    {
        int length = Math.min(left.length(), right.length());
        for (int i = 0; i < length; i++) {
            char a = left.charAt(i);
            char b = right.charAt(i);
            if (a != b) {
                // UTF-16 and code point order disagree only between surrogates and U+E000..U+FFFF
                if (a >= Character.MIN_SURROGATE && b >= Character.MIN_SURROGATE) {
                    return codePointOrder(a) - codePointOrder(b);
                }
                return a - b;
            }
        }
        return left.length() - right.length();
    }

    private static int codePointOrder(char c)
    {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }

    private static long epochMicros(long epochSecond, int nano)
    {
        try {
            return Math.addExact(Math.multiplyExact(epochSecond, MICROS_PER_SECOND), nano / 1000);
        }
        catch (ArithmeticException e) {
            throw new IllegalArgumentException("timestamp out of range");
        }
    }

    /** Types whose keys map exactly and in order to {@code long}: sketched as longs. */
    private abstract static sealed class LongKeyedType
            extends ValueType
            implements KllQuantiles.LongCodec
    {
        @Override
        void hash(HllSketch sketch, Object key)
        {
            sketch.update(toLong(key));
        }

        @Override
        KllQuantiles newQuantiles(int k, long seed)
        {
            return KllQuantiles.longs(k, seed, this);
        }
    }

    private static final class IntegerType
            extends LongKeyedType
    {
        private final int width;

        IntegerType(int width)
        {
            this.width = width;
        }

        @Override
        String javaTypes()
        {
            return "Long";
        }

        @Override
        Object normalize(Object value)
        {
            if (value instanceof Long) {
                return value;
            }
            throw mismatch(value);
        }

        @Override
        int compare(Object left, Object right)
        {
            return Long.compare((Long) left, (Long) right);
        }

        @Override
        String text(Object key)
        {
            return key.toString();
        }

        @Override
        int width(Object key)
        {
            return width;
        }

        @Override
        int nominalWidth()
        {
            return width;
        }

        @Override
        public long toLong(Object key)
        {
            return (Long) key;
        }

        @Override
        public Object fromLong(long value)
        {
            return value;
        }
    }

    /**
     * DECIMAL keys are {@link BigDecimal}s at the column's scale. Up to 18 digits the unscaled
     * value is the {@code long} key of sketches; wider decimals are sketched as items.
     */
    private static final class DecimalType
            extends LongKeyedType
    {
        private static final int LONG_DIGITS = 18;

        private final int precision;
        private final int scale;
        private final int width;

        DecimalType(ColumnType type)
        {
            this.precision = type.precision();
            this.scale = type.scale();
            this.width = type.maxWidth();
        }

        @Override
        String javaTypes()
        {
            return "BigDecimal";
        }

        @Override
        Object normalize(Object value)
        {
            if (!(value instanceof BigDecimal decimal)) {
                throw mismatch(value);
            }
            BigDecimal key = decimal.scale() == scale ? decimal : decimal.setScale(scale, RoundingMode.HALF_UP);
            if (key.precision() > precision) {
                throw new IllegalArgumentException(format("%s has more than %d digits", key.toPlainString(), precision));
            }
            return key;
        }

        @Override
        int compare(Object left, Object right)
        {
            return ((BigDecimal) left).compareTo((BigDecimal) right);
        }

        @Override
        String text(Object key)
        {
            return ((BigDecimal) key).toPlainString();
        }

        @Override
        int width(Object key)
        {
            return width;
        }

        @Override
        int nominalWidth()
        {
            return width;
        }

        @Override
        void hash(HllSketch sketch, Object key)
        {
            if (precision <= LONG_DIGITS) {
                sketch.update(toLong(key));
            }
            else {
                sketch.update(((BigDecimal) key).unscaledValue().toByteArray());
            }
        }

        @Override
        KllQuantiles newQuantiles(int k, long seed)
        {
            return precision <= LONG_DIGITS ? KllQuantiles.longs(k, seed, this) : KllQuantiles.items(k, seed, this::compare);
        }

        @Override
        public long toLong(Object key)
        {
            return ((BigDecimal) key).unscaledValue().longValueExact();
        }

        @Override
        public Object fromLong(long value)
        {
            return BigDecimal.valueOf(value, scale);
        }
    }

    /**
     * REAL and DOUBLE PRECISION, ordered by {@link Double#compare} (NaN above everything, as in
     * Redshift). Written as plain decimal digits of the shortest decimal that reads back as the
     * same float or double, without trailing zeros ({@code 0.1}, {@code 1}, {@code 1000000}),
     * or {@code NaN}, {@code Infinity}, {@code -Infinity}.
     */
    private static final class FloatingType
            extends ValueType
    {
        private final boolean real;

        FloatingType(boolean real)
        {
            this.real = real;
        }

        @Override
        String javaTypes()
        {
            return "Double";
        }

        @Override
        Object normalize(Object value)
        {
            if (!(value instanceof Double) && !(value instanceof Float)) {
                throw mismatch(value);
            }
            double number = ((Number) value).doubleValue();
            if (real) {
                number = (float) number;
            }
            if (number == 0) {
                return ZERO;
            }
            if (value instanceof Double boxed && Double.doubleToLongBits(boxed) == Double.doubleToLongBits(number)) {
                return boxed;
            }
            return number;
        }

        @Override
        int compare(Object left, Object right)
        {
            return Double.compare((Double) left, (Double) right);
        }

        @Override
        String text(Object key)
        {
            double number = (Double) key;
            if (Double.isNaN(number)) {
                return "NaN";
            }
            if (Double.isInfinite(number)) {
                return number > 0 ? "Infinity" : "-Infinity";
            }
            String shortest = real ? Float.toString((float) number) : Double.toString(number);
            return new BigDecimal(shortest).stripTrailingZeros().toPlainString();
        }

        @Override
        int width(Object key)
        {
            return nominalWidth();
        }

        @Override
        int nominalWidth()
        {
            return real ? 4 : 8;
        }

        @Override
        void hash(HllSketch sketch, Object key)
        {
            sketch.update((double) (Double) key);
        }

        @Override
        KllQuantiles newQuantiles(int k, long seed)
        {
            return KllQuantiles.doubles(k, seed);
        }
    }

    private static final class BooleanType
            extends LongKeyedType
    {
        @Override
        String javaTypes()
        {
            return "Boolean";
        }

        @Override
        Object normalize(Object value)
        {
            if (value instanceof Boolean) {
                return value;
            }
            throw mismatch(value);
        }

        @Override
        int compare(Object left, Object right)
        {
            return Boolean.compare((Boolean) left, (Boolean) right);
        }

        @Override
        String text(Object key)
        {
            return key.toString();
        }

        @Override
        int width(Object key)
        {
            return 1;
        }

        @Override
        int nominalWidth()
        {
            return 1;
        }

        @Override
        public long toLong(Object key)
        {
            return (Boolean) key ? 1 : 0;
        }

        @Override
        public Object fromLong(long value)
        {
            return value != 0;
        }
    }

    /**
     * CHAR and VARCHAR. A CHAR value loses its trailing blanks (Redshift ignores them when
     * comparing) but is as wide as its declared length (Redshift pads it on disk); a VARCHAR value
     * is as wide as its UTF-8 bytes (the length header not counted).
     */
    private static final class TextType
            extends ValueType
    {
        private final boolean character;
        private final int length;

        TextType(ColumnType type)
        {
            this.character = type.kind() == ColumnType.Kind.CHAR;
            this.length = type.length();
        }

        @Override
        String javaTypes()
        {
            return "String";
        }

        @Override
        Object normalize(Object value)
        {
            if (!(value instanceof String text)) {
                throw mismatch(value);
            }
            if (!character) {
                return text;
            }
            int end = text.length();
            while (end > 0 && text.charAt(end - 1) == ' ') {
                end--;
            }
            return end == text.length() ? text : text.substring(0, end);
        }

        @Override
        int compare(Object left, Object right)
        {
            return compareUtf8((String) left, (String) right);
        }

        @Override
        String text(Object key)
        {
            return (String) key;
        }

        @Override
        int width(Object key)
        {
            return character ? length : Utf8.length((String) key);
        }

        @Override
        int nominalWidth()
        {
            return character ? length : 0;
        }

        @Override
        void hash(HllSketch sketch, Object key)
        {
            String text = (String) key;
            if (text.isEmpty()) {
                sketch.update(EMPTY_TEXT_HASH_INPUT);
            }
            else {
                sketch.update(text);
            }
        }

        @Override
        KllQuantiles newQuantiles(int k, long seed)
        {
            return KllQuantiles.items(k, seed, this::compare);
        }
    }

    /** DATE, keyed in sketches by its epoch day. */
    private static final class DateType
            extends LongKeyedType
    {
        @Override
        String javaTypes()
        {
            return "LocalDate";
        }

        @Override
        Object normalize(Object value)
        {
            if (value instanceof LocalDate) {
                return value;
            }
            throw mismatch(value);
        }

        @Override
        int compare(Object left, Object right)
        {
            return ((LocalDate) left).compareTo((LocalDate) right);
        }

        @Override
        String text(Object key)
        {
            return DateTimeFormatter.ISO_LOCAL_DATE.format((LocalDate) key);
        }

        @Override
        int width(Object key)
        {
            return nominalWidth();
        }

        @Override
        int nominalWidth()
        {
            return ColumnType.Kind.DATE.fixedWidth();
        }

        @Override
        public long toLong(Object key)
        {
            return ((LocalDate) key).toEpochDay();
        }

        @Override
        public Object fromLong(long value)
        {
            return LocalDate.ofEpochDay(value);
        }
    }

    /** TIME, keyed in sketches by its microsecond of the day. */
    private static final class TimeType
            extends LongKeyedType
    {
        @Override
        String javaTypes()
        {
            return "LocalTime";
        }

        @Override
        Object normalize(Object value)
        {
            if (!(value instanceof LocalTime time)) {
                throw mismatch(value);
            }
            int nano = time.getNano();
            return nano % 1000 == 0 ? time : time.withNano(nano - nano % 1000);
        }

        @Override
        int compare(Object left, Object right)
        {
            return ((LocalTime) left).compareTo((LocalTime) right);
        }

        @Override
        String text(Object key)
        {
            return DateTimeFormatter.ISO_LOCAL_TIME.format((LocalTime) key);
        }

        @Override
        int width(Object key)
        {
            return nominalWidth();
        }

        @Override
        int nominalWidth()
        {
            return ColumnType.Kind.TIME.fixedWidth();
        }

        @Override
        public long toLong(Object key)
        {
            return ((LocalTime) key).toNanoOfDay() / 1000;
        }

        @Override
        public Object fromLong(long value)
        {
            return LocalTime.ofNanoOfDay(value * 1000);
        }
    }

    /**
     * TIMESTAMP, keyed in sketches by microseconds since 1970-01-01T00:00 (Redshift's own
     * representation, which bounds years to about ±292,000).
     */
    private static final class TimestampType
            extends LongKeyedType
    {
        @Override
        String javaTypes()
        {
            return "LocalDateTime";
        }

        @Override
        Object normalize(Object value)
        {
            if (!(value instanceof LocalDateTime timestamp)) {
                throw mismatch(value);
            }
            int nano = timestamp.getNano();
            epochMicros(timestamp.toEpochSecond(ZoneOffset.UTC), nano);
            return nano % 1000 == 0 ? timestamp : timestamp.withNano(nano - nano % 1000);
        }

        @Override
        int compare(Object left, Object right)
        {
            return ((LocalDateTime) left).compareTo((LocalDateTime) right);
        }

        @Override
        String text(Object key)
        {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format((LocalDateTime) key);
        }

        @Override
        int width(Object key)
        {
            return nominalWidth();
        }

        @Override
        int nominalWidth()
        {
            return ColumnType.Kind.TIMESTAMP.fixedWidth();
        }

        @Override
        public long toLong(Object key)
        {
            LocalDateTime timestamp = (LocalDateTime) key;
            return epochMicros(timestamp.toEpochSecond(ZoneOffset.UTC), timestamp.getNano());
        }

        @Override
        public Object fromLong(long value)
        {
            long seconds = Math.floorDiv(value, MICROS_PER_SECOND);
            int nano = (int) Math.floorMod(value, MICROS_PER_SECOND) * 1000;
            return LocalDateTime.ofEpochSecond(seconds, nano, ZoneOffset.UTC);
        }
    }

    /** TIMESTAMPTZ: an {@link Instant} (or an offset or zoned date-time, taken as its instant), written in UTC. */
    private static final class TimestampTzType
            extends LongKeyedType
    {
        @Override
        String javaTypes()
        {
            return "Instant or OffsetDateTime";
        }

        @Override
        Object normalize(Object value)
        {
            Instant instant;
            if (value instanceof Instant given) {
                instant = given;
            }
            else if (value instanceof OffsetDateTime offset) {
                instant = offset.toInstant();
            }
            else if (value instanceof ZonedDateTime zoned) {
                instant = zoned.toInstant();
            }
            else {
                throw mismatch(value);
            }
            int nano = instant.getNano();
            epochMicros(instant.getEpochSecond(), nano);
            return nano % 1000 == 0 ? instant : instant.minusNanos(nano % 1000);
        }

        @Override
        int compare(Object left, Object right)
        {
            return ((Instant) left).compareTo((Instant) right);
        }

        @Override
        String text(Object key)
        {
            return DateTimeFormatter.ISO_INSTANT.format((Instant) key);
        }

        @Override
        int width(Object key)
        {
            return nominalWidth();
        }

        @Override
        int nominalWidth()
        {
            return ColumnType.Kind.TIMESTAMPTZ.fixedWidth();
        }

        @Override
        public long toLong(Object key)
        {
            Instant instant = (Instant) key;
            return epochMicros(instant.getEpochSecond(), instant.getNano());
        }

        @Override
        public Object fromLong(long value)
        {
            return Instant.ofEpochSecond(Math.floorDiv(value, MICROS_PER_SECOND), Math.floorMod(value, MICROS_PER_SECOND) * 1000);
        }
    }
}
