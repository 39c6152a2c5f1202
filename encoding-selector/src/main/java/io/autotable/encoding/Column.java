package io.autotable.encoding;

/**
 * A vector of one column's values, with null flags. The arrays are the caller's and are not
 * copied, so that encoding a million values costs no copy: do not change them after handing them
 * over. A null position holds the type's zero value ({@code 0}, {@code +0.0}, {@code null}), so
 * that a decoded column equals the encoded one position by position.
 */
public sealed interface Column
        permits LongColumn, DoubleColumn, TextColumn
{
    int size();

    boolean isNull(int position);
}
