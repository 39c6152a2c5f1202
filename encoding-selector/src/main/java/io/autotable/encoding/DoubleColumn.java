package io.autotable.encoding;

import static java.util.Objects.requireNonNull;

/**
 * Values of REAL (each a {@code float} widened to {@code double}) and DOUBLE PRECISION. Encoders
 * keep the exact bits, NaN payloads and negative zero included.
 */
public record DoubleColumn(double[] values, boolean[] nulls)
        implements Column
{
    public DoubleColumn
    {
        requireNonNull(values, "values is null");
        requireNonNull(nulls, "nulls is null");
        if (values.length != nulls.length) {
            throw EncodingException.invalidInput("values and nulls differ in length: %d and %d", values.length, nulls.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (nulls[i] && Double.doubleToRawLongBits(values[i]) != 0) {
                throw EncodingException.invalidInput("null at position %d holds %s instead of 0.0", i, values[i]);
            }
        }
    }

    /** A column without nulls. */
    public static DoubleColumn of(double... values)
    {
        return new DoubleColumn(values, new boolean[values.length]);
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
