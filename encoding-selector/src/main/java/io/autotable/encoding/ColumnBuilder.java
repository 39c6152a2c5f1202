package io.autotable.encoding;

import io.autotable.catalog.ColumnType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * Builds a {@link Column} of a type from Java values as JDBC drivers and the benchmark generators
 * hand them over: integers as any {@link Number}, DECIMAL as {@link BigDecimal} (its unscaled value
 * at the column's scale), REAL and DOUBLE as {@link Number}, CHAR and VARCHAR as {@link String}
 * (UTF-8), DATE as {@link LocalDate} or {@link java.sql.Date}, TIME as {@link LocalTime},
 * TIMESTAMP as {@link LocalDateTime} or {@link java.sql.Timestamp} (read as UTC), TIMESTAMPTZ as
 * {@link OffsetDateTime} or {@link Instant}, BOOLEAN as {@link Boolean}; {@code null} is SQL NULL.
 */
public final class ColumnBuilder
{
    private final ColumnType type;
    private long[] longs;
    private double[] doubles;
    private byte[][] texts;
    private boolean[] nulls;
    private int size;

    public ColumnBuilder(ColumnType type, int expectedRows)
    {
        this.type = requireNonNull(type, "type is null");
        int capacity = Math.max(16, expectedRows);
        nulls = new boolean[capacity];
        switch (type.kind()) {
            case CHAR, VARCHAR -> texts = new byte[capacity][];
            case REAL, DOUBLE -> doubles = new double[capacity];
            default -> longs = new long[capacity];
        }
    }

    public int size()
    {
        return size;
    }

    /**
     * Appends a value.
     *
     * @throws EncodingException when the value's class does not fit the type, or a text is longer
     *         than the type allows, or a DECIMAL's unscaled value does not fit 64 bits
     */
    public void add(Object value)
    {
        if (size == nulls.length) {
            grow();
        }
        if (value == null) {
            nulls[size++] = true;
            return;
        }
        switch (type.kind()) {
            case CHAR, VARCHAR -> {
                byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
                if (bytes.length > type.length()) {
                    throw EncodingException.invalidInput("value of %d bytes at row %d does not fit %s", bytes.length, size, type);
                }
                texts[size] = bytes;
            }
            case REAL, DOUBLE -> {
                double number = number(value).doubleValue();
                doubles[size] = type.kind() == ColumnType.Kind.REAL ? (float) number : number;
            }
            default -> longs[size] = toLong(value);
        }
        size++;
    }

    public Column build()
    {
        boolean[] builtNulls = Arrays.copyOf(nulls, size);
        return switch (type.kind()) {
            case CHAR, VARCHAR -> new TextColumn(Arrays.copyOf(texts, size), builtNulls);
            case REAL, DOUBLE -> new DoubleColumn(Arrays.copyOf(doubles, size), builtNulls);
            default -> new LongColumn(Arrays.copyOf(longs, size), builtNulls);
        };
    }

    private long toLong(Object value)
    {
        try {
            return switch (type.kind()) {
                case DECIMAL -> {
                    BigDecimal decimal = value instanceof BigDecimal big ? big : new BigDecimal(value.toString());
                    yield decimal.setScale(type.scale(), RoundingMode.HALF_UP).unscaledValue().longValueExact();
                }
                case BOOLEAN -> ((Boolean) value) ? 1 : 0;
                case DATE -> (value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value).toEpochDay();
                case TIME -> ((LocalTime) value).toNanoOfDay() / 1_000;
                case TIMESTAMP -> micros(value instanceof java.sql.Timestamp timestamp ? timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC)
                        : ((LocalDateTime) value).toInstant(ZoneOffset.UTC));
                case TIMESTAMPTZ -> micros(value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value);
                default -> number(value).longValue();
            };
        }
        catch (ClassCastException | ArithmeticException | NumberFormatException e) {
            throw EncodingException.invalidInput("value '%s' (%s) at row %d does not fit %s", value, value.getClass().getSimpleName(), size, type);
        }
    }

    private Number number(Object value)
    {
        if (value instanceof Number number) {
            return number;
        }
        throw EncodingException.invalidInput("value '%s' (%s) at row %d is not a number for %s", value, value.getClass().getSimpleName(), size, type);
    }

    private static long micros(Instant instant)
    {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private void grow()
    {
        int capacity = nulls.length * 2;
        nulls = Arrays.copyOf(nulls, capacity);
        if (longs != null) {
            longs = Arrays.copyOf(longs, capacity);
        }
        if (doubles != null) {
            doubles = Arrays.copyOf(doubles, capacity);
        }
        if (texts != null) {
            texts = Arrays.copyOf(texts, capacity);
        }
    }
}
