package io.autotable.encoding;

import io.autotable.catalog.ColumnType;

import static java.util.Objects.requireNonNull;

/**
 * Copies of parts of a column: a range of positions, or runs of consecutive positions put end to end.
 */
public final class Columns
{
    private Columns() {}

    /**
     * Checks that a column's class is the one its type takes: {@link TextColumn} for CHAR and
     * VARCHAR, {@link DoubleColumn} for REAL and DOUBLE, {@link LongColumn} for the others.
     *
     * @throws EncodingException naming both when they do not match
     */
    public static void checkClass(ColumnType type, Column column)
    {
        requireNonNull(type, "type is null");
        requireNonNull(column, "column is null");
        Class<? extends Column> expected = switch (type.kind()) {
            case CHAR, VARCHAR -> TextColumn.class;
            case REAL, DOUBLE -> DoubleColumn.class;
            default -> LongColumn.class;
        };
        if (!expected.isInstance(column)) {
            throw EncodingException.invalidInput("%s takes a %s, got %s", type, expected.getSimpleName(), column.getClass().getSimpleName());
        }
    }

    /** Positions {@code from} (inclusive) to {@code to} (exclusive). */
    public static Column slice(Column column, int from, int to)
    {
        requireNonNull(column, "column is null");
        if (from < 0 || to > column.size() || from > to) {
            throw EncodingException.invalidInput("slice %d..%d is outside a column of %d values", from, to, column.size());
        }
        return runs(column, new int[] {from}, to - from);
    }

    /**
     * The runs of {@code runLength} positions starting at each of {@code starts}, in that order,
     * as one column.
     */
    public static Column runs(Column column, int[] starts, int runLength)
    {
        requireNonNull(column, "column is null");
        requireNonNull(starts, "starts is null");
        for (int start : starts) {
            if (start < 0 || runLength < 0 || (long) start + runLength > column.size()) {
                throw EncodingException.invalidInput("run %d..%d is outside a column of %d values", start, (long) start + runLength, column.size());
            }
        }
        int size = starts.length * runLength;
        boolean[] nulls = new boolean[size];
        if (column instanceof LongColumn longs) {
            long[] values = new long[size];
            for (int i = 0; i < starts.length; i++) {
                System.arraycopy(longs.values(), starts[i], values, i * runLength, runLength);
                System.arraycopy(longs.nulls(), starts[i], nulls, i * runLength, runLength);
            }
            return new LongColumn(values, nulls);
        }
        if (column instanceof DoubleColumn doubles) {
            double[] values = new double[size];
            for (int i = 0; i < starts.length; i++) {
                System.arraycopy(doubles.values(), starts[i], values, i * runLength, runLength);
                System.arraycopy(doubles.nulls(), starts[i], nulls, i * runLength, runLength);
            }
            return new DoubleColumn(values, nulls);
        }
        TextColumn texts = (TextColumn) column;
        byte[][] values = new byte[size][];
        for (int i = 0; i < starts.length; i++) {
            System.arraycopy(texts.values(), starts[i], values, i * runLength, runLength);
            System.arraycopy(texts.nulls(), starts[i], nulls, i * runLength, runLength);
        }
        return new TextColumn(values, nulls);
    }
}
