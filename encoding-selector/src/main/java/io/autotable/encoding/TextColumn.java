package io.autotable.encoding;

import static java.util.Objects.requireNonNull;

/**
 * Values of CHAR and VARCHAR as UTF-8 bytes (encoders never look inside them, so any bytes
 * round-trip). A null position holds {@code null}, every other position an array. A decoded
 * column may share one array among positions of equal value (a dictionary entry, a run).
 */
public record TextColumn(byte[][] values, boolean[] nulls)
        implements Column
{
    public TextColumn
    {
        requireNonNull(values, "values is null");
        requireNonNull(nulls, "nulls is null");
        if (values.length != nulls.length) {
            throw EncodingException.invalidInput("values and nulls differ in length: %d and %d", values.length, nulls.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (nulls[i] != (values[i] == null)) {
                throw EncodingException.invalidInput("position %d: a value must be null exactly when flagged null", i);
            }
        }
    }

    /** A column from its values, {@code null} elements being nulls. */
    public static TextColumn of(byte[]... values)
    {
        boolean[] nulls = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            nulls[i] = values[i] == null;
        }
        return new TextColumn(values, nulls);
    }

    @Override
    public int size()
    {
        return values.length;
    }

    @Override
    public boolean isNull(int position)
    {
        return nulls[position];
    }
}
