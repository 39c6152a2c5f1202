package io.autotable.simulator.layout;

import io.autotable.catalog.ColumnType;

import java.nio.charset.StandardCharsets;

import static java.util.Objects.requireNonNull;

/**
 * One column's values in primitive arrays, in load order.
 *
 * <p>Non-text values are longs as the encoders take them: integers, DECIMAL's unscaled value at the
 * column's scale, DATE as days since 1970-01-01, TIME and TIMESTAMP as microseconds, BOOLEAN as 0
 * or 1, REAL and DOUBLE as their IEEE bits. Text values are UTF-8 bytes in one heap with offsets
 * (CHAR without its trailing blanks, as Redshift compares it). A null holds 0 (or an empty string).
 *
 * <p>{@link #key} orders values as the column's zone maps do: numbers by value, text by its first 8
 * bytes (Redshift's zone maps and sort keys keep an 8-byte prefix of a string).
 */
public final class ColumnData
{
    private final String name;
    private final ColumnType type;
    private final boolean text;
    private final boolean floating;
    private final long[] values;
    private final byte[] heap;
    private final int[] offsets;
    private final boolean[] nulls;
    private final int rows;

    private ColumnData(String name, ColumnType type, long[] values, byte[] heap, int[] offsets, boolean[] nulls, int rows)
    {
        this.name = requireNonNull(name, "name is null");
        this.type = requireNonNull(type, "type is null");
        this.text = type.isText();
        this.floating = type.kind() == ColumnType.Kind.REAL || type.kind() == ColumnType.Kind.DOUBLE;
        this.values = values;
        this.heap = heap;
        this.offsets = offsets;
        this.nulls = nulls;
        this.rows = rows;
        if (nulls != null && nulls.length < rows) {
            throw new IllegalArgumentException("column %s: %d null flags for %d rows".formatted(name, nulls.length, rows));
        }
    }

    /** A non-text column; {@code nulls} may be {@code null} when there are none. */
    public static ColumnData ofLongs(String name, ColumnType type, long[] values, boolean[] nulls, int rows)
    {
        if (type.isText()) {
            throw new IllegalArgumentException("column %s is %s: use ofText".formatted(name, type));
        }
        if (values.length < rows) {
            throw new IllegalArgumentException("column %s: %d values for %d rows".formatted(name, values.length, rows));
        }
        return new ColumnData(name, type, values, null, null, nulls, rows);
    }

    /** A text column: value {@code i} is {@code heap[offsets[i] .. offsets[i + 1])}. */
    public static ColumnData ofText(String name, ColumnType type, byte[] heap, int[] offsets, boolean[] nulls, int rows)
    {
        if (!type.isText()) {
            throw new IllegalArgumentException("column %s is %s: use ofLongs".formatted(name, type));
        }
        if (offsets.length < rows + 1) {
            throw new IllegalArgumentException("column %s: %d offsets for %d rows".formatted(name, offsets.length, rows));
        }
        return new ColumnData(name, type, null, heap, offsets, nulls, rows);
    }

    public String name()
    {
        return name;
    }

    public ColumnType type()
    {
        return type;
    }

    public boolean isText()
    {
        return text;
    }

    public int rows()
    {
        return rows;
    }

    public boolean isNull(int row)
    {
        return nulls != null && nulls[row];
    }

    public boolean hasNulls()
    {
        return nulls != null;
    }

    /** The encoder's value of a non-text row. */
    public long value(int row)
    {
        return values[row];
    }

    /** A text row's bytes (a copy). */
    public byte[] bytes(int row)
    {
        int start = offsets[row];
        int end = offsets[row + 1];
        byte[] copy = new byte[end - start];
        System.arraycopy(heap, start, copy, 0, copy.length);
        return copy;
    }

    public String string(int row)
    {
        return new String(heap, offsets[row], offsets[row + 1] - offsets[row], StandardCharsets.UTF_8);
    }

    /** The row's zone-map key: see the class comment. A null's key is meaningless: check {@link #isNull}. */
    public long key(int row)
    {
        if (text) {
            return Keys.textKey(heap, offsets[row], offsets[row + 1] - offsets[row]);
        }
        if (floating) {
            return Keys.doubleKey(Double.longBitsToDouble(values[row]));
        }
        return values[row];
    }

    /** The hash the row's value distributes by: equal values, equal hashes; nulls hash to 0. */
    public long hash(int row)
    {
        if (isNull(row)) {
            return 0;
        }
        if (text) {
            return Keys.hashBytes(heap, offsets[row], offsets[row + 1] - offsets[row]);
        }
        if (floating) {
            return Keys.hashLong(Keys.doubleKey(Double.longBitsToDouble(values[row])));
        }
        return Keys.hashLong(values[row]);
    }

    /** Bytes the value takes uncompressed: the type's width, a CHAR's declared length, a VARCHAR's bytes. */
    public int rawWidth(int row)
    {
        if (!text) {
            return type.maxWidth();
        }
        if (type.kind() == ColumnType.Kind.CHAR) {
            return type.length();
        }
        return offsets[row + 1] - offsets[row];
    }
}
