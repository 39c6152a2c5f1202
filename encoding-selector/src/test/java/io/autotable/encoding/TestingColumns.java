package io.autotable.encoding;

import io.autotable.catalog.ColumnType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded columns of every type, and comparison of columns position by position.
 */
final class TestingColumns
{
    static final List<ColumnType> TYPES = List.of(
            ColumnType.of(ColumnType.Kind.SMALLINT),
            ColumnType.of(ColumnType.Kind.INTEGER),
            ColumnType.of(ColumnType.Kind.BIGINT),
            ColumnType.decimal(18, 2),
            ColumnType.decimal(5, 2),
            ColumnType.decimal(38, 0),
            ColumnType.of(ColumnType.Kind.REAL),
            ColumnType.of(ColumnType.Kind.DOUBLE),
            ColumnType.of(ColumnType.Kind.BOOLEAN),
            ColumnType.character(10),
            ColumnType.varchar(40),
            ColumnType.varchar(ColumnType.MAX_VARCHAR_LENGTH),
            ColumnType.of(ColumnType.Kind.DATE),
            ColumnType.of(ColumnType.Kind.TIME),
            ColumnType.of(ColumnType.Kind.TIMESTAMP),
            ColumnType.of(ColumnType.Kind.TIMESTAMPTZ));

    /** How a random column's values are spread. */
    enum Shape
    {
        UNIFORM,
        SMALL_RANGE,
        LOW_CARDINALITY,
        SORTED,
        RUNS,
    }

    private TestingColumns() {}

    static long minimum(ColumnType type)
    {
        return switch (type.kind()) {
            case BOOLEAN -> 0;
            case SMALLINT -> Short.MIN_VALUE;
            case INTEGER, DATE -> Integer.MIN_VALUE;
            case DECIMAL -> type.precision() > 18 ? Long.MIN_VALUE : -(pow10(type.precision()) - 1);
            default -> Long.MIN_VALUE;
        };
    }

    static long maximum(ColumnType type)
    {
        return switch (type.kind()) {
            case BOOLEAN -> 1;
            case SMALLINT -> Short.MAX_VALUE;
            case INTEGER, DATE -> Integer.MAX_VALUE;
            case DECIMAL -> type.precision() > 18 ? Long.MAX_VALUE : pow10(type.precision()) - 1;
            default -> Long.MAX_VALUE;
        };
    }

    private static long pow10(int exponent)
    {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }

    static Column random(ColumnType type, Shape shape, int rows, double nullFraction, SplittableRandom random)
    {
        boolean[] nulls = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            nulls[i] = random.nextDouble() < nullFraction;
        }
        long[] draws = new long[rows];
        long min = minimum(type);
        long max = maximum(type);
        long[] palette = new long[1 + random.nextInt(20)];
        for (int i = 0; i < palette.length; i++) {
            palette[i] = between(random, min, max);
        }
        long run = palette[0];
        for (int i = 0; i < rows; i++) {
            draws[i] = switch (shape) {
                case UNIFORM -> between(random, min, max);
                case SMALL_RANGE -> Math.max(min, Math.min(max, (max <= 1 ? 0 : 1000) + random.nextInt(200) - 100));
                case LOW_CARDINALITY -> palette[random.nextInt(palette.length)];
                case SORTED -> between(random, min, max);
                case RUNS -> {
                    if (random.nextInt(50) == 0) {
                        run = palette[random.nextInt(palette.length)];
                    }
                    yield run;
                }
            };
        }
        if (shape == Shape.SORTED) {
            Arrays.sort(draws);
        }
        return column(type, draws, nulls, random);
    }

    private static long between(SplittableRandom random, long min, long max)
    {
        if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
            return random.nextLong();
        }
        return random.nextLong(min, max + 1);
    }

    /** A column of the type from integer draws: REAL and DOUBLE scale them, text spells them. */
    private static Column column(ColumnType type, long[] draws, boolean[] nulls, SplittableRandom random)
    {
        int rows = draws.length;
        switch (type.kind()) {
            case REAL, DOUBLE -> {
                double[] values = new double[rows];
                for (int i = 0; i < rows; i++) {
                    if (!nulls[i]) {
                        double value = draws[i] / 1e6;
                        values[i] = type.kind() == ColumnType.Kind.REAL ? (float) value : value;
                    }
                }
                return new DoubleColumn(values, nulls);
            }
            case CHAR, VARCHAR -> {
                byte[][] values = new byte[rows][];
                for (int i = 0; i < rows; i++) {
                    if (!nulls[i]) {
                        values[i] = text(draws[i], type.length(), random);
                    }
                }
                return new TextColumn(values, nulls);
            }
            default -> {
                long[] values = new long[rows];
                for (int i = 0; i < rows; i++) {
                    if (!nulls[i]) {
                        values[i] = draws[i];
                    }
                }
                return new LongColumn(values, nulls);
            }
        }
    }

    /** Words derived from the draw, so equal draws give equal text, at most {@code length} bytes. */
    private static byte[] text(long draw, int length, SplittableRandom random)
    {
        String words = "w" + Long.toHexString(draw) + " " + Long.toString(draw % 97, 36) + " é " + (draw & 7);
        byte[] bytes = words.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(bytes, Math.min(bytes.length, length));
    }

    /** Columns of the type at the edges: extremes, maximal strings, special doubles, empty strings. */
    static Column extremes(ColumnType type)
    {
        switch (type.kind()) {
            case REAL -> {
                double[] values = {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_VALUE, -0.0, 0.0, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1.5f};
                return DoubleColumn.of(values);
            }
            case DOUBLE -> {
                double[] values = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_VALUE, -0.0, 0.0, Double.NaN, Double.longBitsToDouble(0x7FF8000000000123L), Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
                return DoubleColumn.of(values);
            }
            case CHAR, VARCHAR -> {
                byte[] longest = new byte[type.length()];
                Arrays.fill(longest, (byte) 'x');
                byte[] spaces = new byte[type.length()];
                Arrays.fill(spaces, (byte) ' ');
                byte[] binary = new byte[Math.min(type.length(), 256)];
                for (int i = 0; i < binary.length; i++) {
                    binary[i] = (byte) i;
                }
                return TextColumn.of(longest, new byte[0], spaces, binary, null, longest, new byte[] {' '}, spaces);
            }
            default -> {
                long min = minimum(type);
                long max = maximum(type);
                return LongColumn.of(min, max, 0, min, max, max, min + 1, max - 1, min, 1, 0);
            }
        }
    }

    static Column allNulls(ColumnType type, int rows)
    {
        boolean[] nulls = new boolean[rows];
        Arrays.fill(nulls, true);
        return switch (type.kind()) {
            case REAL, DOUBLE -> new DoubleColumn(new double[rows], nulls);
            case CHAR, VARCHAR -> new TextColumn(new byte[rows][], nulls);
            default -> new LongColumn(new long[rows], nulls);
        };
    }

    static Column concat(ColumnType type, List<Column> parts)
    {
        int rows = 0;
        for (Column part : parts) {
            rows += part.size();
        }
        boolean[] nulls = new boolean[rows];
        int at = 0;
        switch (type.kind()) {
            case REAL, DOUBLE -> {
                double[] values = new double[rows];
                for (Column part : parts) {
                    DoubleColumn column = (DoubleColumn) part;
                    System.arraycopy(column.values(), 0, values, at, column.size());
                    System.arraycopy(column.nulls(), 0, nulls, at, column.size());
                    at += column.size();
                }
                return new DoubleColumn(values, nulls);
            }
            case CHAR, VARCHAR -> {
                byte[][] values = new byte[rows][];
                for (Column part : parts) {
                    TextColumn column = (TextColumn) part;
                    System.arraycopy(column.values(), 0, values, at, column.size());
                    System.arraycopy(column.nulls(), 0, nulls, at, column.size());
                    at += column.size();
                }
                return new TextColumn(values, nulls);
            }
            default -> {
                long[] values = new long[rows];
                for (Column part : parts) {
                    LongColumn column = (LongColumn) part;
                    System.arraycopy(column.values(), 0, values, at, column.size());
                    System.arraycopy(column.nulls(), 0, nulls, at, column.size());
                    at += column.size();
                }
                return new LongColumn(values, nulls);
            }
        }
    }

    static void assertSameColumn(Column actual, Column expected)
    {
        assertThat(actual).hasSameClassAs(expected);
        assertThat(actual.size()).isEqualTo(expected.size());
        if (expected instanceof LongColumn longs) {
            assertThat(((LongColumn) actual).nulls()).isEqualTo(longs.nulls());
            assertThat(((LongColumn) actual).values()).isEqualTo(longs.values());
        }
        else if (expected instanceof DoubleColumn doubles) {
            assertThat(((DoubleColumn) actual).nulls()).isEqualTo(doubles.nulls());
            assertThat(bits(((DoubleColumn) actual).values())).isEqualTo(bits(doubles.values()));
        }
        else {
            TextColumn texts = (TextColumn) expected;
            assertThat(((TextColumn) actual).nulls()).isEqualTo(texts.nulls());
            assertThat(Arrays.deepEquals(((TextColumn) actual).values(), texts.values()))
                    .as("text values equal")
                    .isTrue();
        }
    }

    private static long[] bits(double[] values)
    {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return bits;
    }
}
