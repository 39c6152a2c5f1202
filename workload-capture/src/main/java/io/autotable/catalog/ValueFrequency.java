package io.autotable.catalog;

import io.autotable.error.CaptureException;

import static java.util.Objects.requireNonNull;

/**
 * One of a column's most common values and the fraction of all rows (nulls included) that hold it.
 */
public record ValueFrequency(String value, double frequency)
{
    public ValueFrequency
    {
        requireNonNull(value, "value is null");
        if (!(frequency > 0 && frequency <= 1)) {
            throw CaptureException.invalid("frequency of '%s' must be in (0, 1], got %s", value, frequency);
        }
    }
}
