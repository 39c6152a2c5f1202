package io.autotable.encoding.block;

import io.autotable.catalog.ColumnType;
import io.autotable.encoding.Column;
import io.autotable.encoding.DoubleColumn;
import io.autotable.encoding.EncodingException;
import io.autotable.encoding.LongColumn;
import io.autotable.encoding.TextColumn;

import static java.util.Objects.requireNonNull;

/**
 * A column as encoders see it: fixed-width types as signed integers of {@link #width()} bytes
 * ("lanes": REAL as its float bits, DOUBLE as its double bits), CHAR and VARCHAR as byte arrays.
 */
public final class Values
{
    private static final long[] POWERS_OF_TEN = powersOfTen();

    private final ColumnType type;
    private final int width;
    private final long[] longs;
    private final byte[][] texts;
    private final boolean[] nulls;

    private Values(ColumnType type, long[] longs, byte[][] texts, boolean[] nulls)
    {
        this.type = requireNonNull(type, "type is null");
        this.width = width(type);
        this.longs = longs;
        this.texts = texts;
        this.nulls = requireNonNull(nulls, "nulls is null");
    }

    /**
     * Bytes a value of the type takes as a lane: 1 for BOOLEAN, 2 for SMALLINT, 4 for INTEGER, DATE
     * and REAL, 8 for the others; 0 for CHAR and VARCHAR. DECIMAL is its unscaled value in 8 bytes,
     * whatever the precision, so DECIMAL(38, s) columns take only values whose unscaled value fits a long.
     */
    public static int width(ColumnType type)
    {
        return switch (type.kind()) {
            case BOOLEAN -> 1;
            case SMALLINT -> 2;
            case INTEGER, DATE, REAL -> 4;
            case CHAR, VARCHAR -> 0;
            default -> 8;
        };
    }

    /**
     * Checks that the column's class matches the type and each value lies in the type's range.
     */
    public static Values of(ColumnType type, Column column)
    {
        requireNonNull(type, "type is null");
        requireNonNull(column, "column is null");
        switch (type.kind()) {
            case CHAR, VARCHAR -> {
                if (!(column instanceof TextColumn text)) {
                    throw EncodingException.invalidInput("%s takes a TextColumn, got %s", type, column.getClass().getSimpleName());
                }
                byte[][] values = text.values();
                for (int i = 0; i < values.length; i++) {
                    if (values[i] != null && values[i].length > type.length()) {
                        throw EncodingException.invalidInput("value at position %d has %d bytes, more than %s allows", i, values[i].length, type);
                    }
                }
                return new Values(type, null, values, text.nulls());
            }
            case REAL, DOUBLE -> {
                if (!(column instanceof DoubleColumn doubles)) {
                    throw EncodingException.invalidInput("%s takes a DoubleColumn, got %s", type, column.getClass().getSimpleName());
                }
                double[] values = doubles.values();
                long[] lanes = new long[values.length];
                boolean real = type.kind() == ColumnType.Kind.REAL;
                for (int i = 0; i < values.length; i++) {
                    if (real) {
                        float narrowed = (float) values[i];
                        if (Double.doubleToRawLongBits(narrowed) != Double.doubleToRawLongBits(values[i])) {
                            throw EncodingException.invalidInput("value %s at position %d is not a REAL", values[i], i);
                        }
                        lanes[i] = Float.floatToRawIntBits(narrowed);
                    }
                    else {
                        lanes[i] = Double.doubleToRawLongBits(values[i]);
                    }
                }
                return new Values(type, lanes, null, doubles.nulls());
            }
            default -> {
                if (!(column instanceof LongColumn longs)) {
                    throw EncodingException.invalidInput("%s takes a LongColumn, got %s", type, column.getClass().getSimpleName());
                }
                long[] values = longs.values();
                for (int i = 0; i < values.length; i++) {
                    if (!inRange(type, values[i])) {
                        throw EncodingException.invalidInput("value %d at position %d is out of range for %s", values[i], i, type);
                    }
                }
                return new Values(type, values, null, longs.nulls());
            }
        }
    }

    /** Values of a decoded block: dense non-null values scattered to the non-null rows. */
    public static Column decoded(ColumnType type, boolean[] nulls, long[] denseLongs, byte[][] denseTexts, int payloadOffset)
    {
        int rows = nulls.length;
        switch (type.kind()) {
            case CHAR, VARCHAR -> {
                byte[][] values = new byte[rows][];
                int next = 0;
                for (int i = 0; i < rows; i++) {
                    if (!nulls[i]) {
                        byte[] value = denseTexts[next++];
                        if (value.length > type.length()) {
                            throw EncodingException.malformed(payloadOffset, "value at row %d has %d bytes, more than %s allows", i, value.length, type);
                        }
                        values[i] = value;
                    }
                }
                return new TextColumn(values, nulls);
            }
            case REAL, DOUBLE -> {
                double[] values = new double[rows];
                boolean real = type.kind() == ColumnType.Kind.REAL;
                int next = 0;
                for (int i = 0; i < rows; i++) {
                    if (!nulls[i]) {
                        long lane = denseLongs[next++];
                        if (real && lane != (int) lane) {
                            throw EncodingException.malformed(payloadOffset, "value at row %d is not a REAL", i);
                        }
                        values[i] = real ? Float.intBitsToFloat((int) lane) : Double.longBitsToDouble(lane);
                    }
                }
                return new DoubleColumn(values, nulls);
            }
            default -> {
                long[] values = new long[rows];
                int next = 0;
                for (int i = 0; i < rows; i++) {
                    if (!nulls[i]) {
                        long value = denseLongs[next++];
                        if (!inRange(type, value)) {
                            throw EncodingException.malformed(payloadOffset, "value %d at row %d is out of range for %s", value, i, type);
                        }
                        values[i] = value;
                    }
                }
                return new LongColumn(values, nulls);
            }
        }
    }

    private static boolean inRange(ColumnType type, long value)
    {
        return switch (type.kind()) {
            case BOOLEAN -> value == 0 || value == 1;
            case SMALLINT -> value == (short) value;
            case INTEGER, DATE -> value == (int) value;
            case DECIMAL -> type.precision() > 18 || (value > -POWERS_OF_TEN[type.precision()] && value < POWERS_OF_TEN[type.precision()]);
            default -> true;
        };
    }

    private static long[] powersOfTen()
    {
        long[] powers = new long[19];
        powers[0] = 1;
        for (int i = 1; i < powers.length; i++) {
            powers[i] = powers[i - 1] * 10;
        }
        return powers;
    }

    public ColumnType type()
    {
        return type;
    }

    public int width()
    {
        return width;
    }

    public boolean isText()
    {
        return texts != null;
    }

    public int rows()
    {
        return nulls.length;
    }

    public boolean isNull(int row)
    {
        return nulls[row];
    }

    public long longAt(int row)
    {
        return longs[row];
    }

    public byte[] textAt(int row)
    {
        return texts[row];
    }
}
