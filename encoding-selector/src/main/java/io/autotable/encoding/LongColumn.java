package io.autotable.encoding;

import static java.util.Objects.requireNonNull;

/**
 * Values of SMALLINT, INTEGER, BIGINT, BOOLEAN (0 or 1), DECIMAL (the unscaled value), DATE (days
 * since 1970-01-01), TIME (microseconds since midnight) and TIMESTAMP/TIMESTAMPTZ (microseconds
 * since the epoch).
 */
public record LongColumn(long[] values, boolean[] nulls)
        implements Column
{
    public LongColumn
    {
        requireNonNull(values, "values is null");
        requireNonNull(nulls, "nulls is null");
        if (values.length != nulls.length) {
            throw EncodingException.invalidInput("values and nulls differ in length: %d and %d", values.length, nulls.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (nulls[i] && values[i] != 0) {
                throw EncodingException.invalidInput("null at position %d holds %d instead of 0", i, values[i]);
            }
        }
    }

    /** A column without nulls. */
    public static LongColumn of(long... values)
    {
        return new LongColumn(values, new boolean[values.length]);
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
