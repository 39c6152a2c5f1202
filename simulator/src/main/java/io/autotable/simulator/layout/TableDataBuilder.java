package io.autotable.simulator.layout;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Builds {@link TableData} from rows of Java values, as the benchmark generators hand them out
 * ({@link io.autotable.simulator.data.BenchmarkGenerator} documents the types), without a
 * warehouse in between: the values end up exactly as {@link TableDataReader} would read them back
 * from the embedded warehouse. Not thread-safe.
 */
public final class TableDataBuilder
{
    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    private final List<Column> columns;
    private final ColumnType[] types;
    private final long[][] values;
    private final byte[][] heaps;
    private final int[][] offsets;
    private final int[] heapSizes;
    private final boolean[][] nulls;
    private int capacity;
    private int rows;

    public TableDataBuilder(List<Column> columns, int expectedRows)
    {
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        capacity = Math.max(16, expectedRows);
        int count = this.columns.size();
        types = new ColumnType[count];
        values = new long[count][];
        heaps = new byte[count][];
        offsets = new int[count][];
        heapSizes = new int[count];
        nulls = new boolean[count][];
        for (int c = 0; c < count; c++) {
            types[c] = this.columns.get(c).type();
            if (types[c].isText()) {
                heaps[c] = new byte[capacity * 8];
                offsets[c] = new int[capacity + 1];
            }
            else {
                values[c] = new long[capacity];
            }
        }
    }

    public int rows()
    {
        return rows;
    }

    /** Adds one row: one value per column, in column order, {@code null} for SQL NULL. */
    public void add(Object[] row)
    {
        requireNonNull(row, "row is null");
        if (row.length != types.length) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "row %d has %d values but the table has %d columns".formatted(rows + 1, row.length, types.length));
        }
        if (rows == capacity) {
            grow();
        }
        for (int c = 0; c < types.length; c++) {
            Object value = row[c];
            if (value == null) {
                if (nulls[c] == null) {
                    nulls[c] = new boolean[capacity];
                }
                nulls[c][rows] = true;
            }
            if (types[c].isText()) {
                addText(c, (String) value);
            }
            else {
                values[c][rows] = value == null ? 0 : encode(types[c], value);
            }
        }
        rows++;
    }

    private void addText(int column, String value)
    {
        if (value != null) {
            String text = types[column].kind() == ColumnType.Kind.CHAR ? value.stripTrailing() : value;
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            int size = heapSizes[column];
            if ((long) size + bytes.length > Integer.MAX_VALUE - 16) {
                throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "column %s holds more than 2 GB of text: generate fewer rows".formatted(columns.get(column).name()));
            }
            if (size + bytes.length > heaps[column].length) {
                heaps[column] = Arrays.copyOf(heaps[column], (int) Math.min(Integer.MAX_VALUE - 16, Math.max((long) heaps[column].length * 3 / 2, (long) size + bytes.length)));
            }
            System.arraycopy(bytes, 0, heaps[column], size, bytes.length);
            heapSizes[column] = size + bytes.length;
        }
        offsets[column][rows + 1] = heapSizes[column];
    }

    /** The encoder's long for a non-text value, as {@link ColumnData} documents it. */
    static long encode(ColumnType type, Object value)
    {
        return switch (type.kind()) {
            case SMALLINT, INTEGER, BIGINT -> ((Number) value).longValue();
            case BOOLEAN -> ((Boolean) value) ? 1 : 0;
            case DECIMAL -> ((BigDecimal) value).setScale(type.scale(), RoundingMode.HALF_UP).unscaledValue().longValue();
            case REAL -> Double.doubleToLongBits((float) ((Number) value).doubleValue());
            case DOUBLE -> Double.doubleToLongBits(((Number) value).doubleValue());
            case DATE -> ((LocalDate) value).toEpochDay();
            case TIME -> ((LocalTime) value).toNanoOfDay() / 1_000;
            case TIMESTAMP -> ChronoUnit.MICROS.between(EPOCH, (LocalDateTime) value);
            case TIMESTAMPTZ -> value instanceof Instant instant
                    ? ChronoUnit.MICROS.between(Instant.EPOCH, instant)
                    : ChronoUnit.MICROS.between(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), (OffsetDateTime) value);
            case CHAR, VARCHAR -> throw new IllegalStateException("text is not encoded as a long: " + type);
        };
    }

    private void grow()
    {
        capacity = (int) Math.min(Integer.MAX_VALUE - 16, capacity * 2L);
        for (int c = 0; c < types.length; c++) {
            if (types[c].isText()) {
                offsets[c] = Arrays.copyOf(offsets[c], capacity + 1);
            }
            else {
                values[c] = Arrays.copyOf(values[c], capacity);
            }
            if (nulls[c] != null) {
                nulls[c] = Arrays.copyOf(nulls[c], capacity);
            }
        }
    }

    /**
     * The data, for a table whose catalog entry is {@code table} (its columns must be this
     * builder's, in order; its row count may be larger when the rows are a sample).
     */
    public TableData build(Table table)
    {
        requireNonNull(table, "table is null");
        if (table.columns().size() != columns.size()) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "table %s has %d columns, the builder %d".formatted(table.name(), table.columns().size(), columns.size()));
        }
        List<ColumnData> data = new ArrayList<>(types.length);
        for (int c = 0; c < types.length; c++) {
            String name = table.columns().get(c).name();
            data.add(types[c].isText()
                    ? ColumnData.ofText(name, types[c], heaps[c], offsets[c], nulls[c], rows)
                    : ColumnData.ofLongs(name, types[c], values[c], nulls[c], rows));
        }
        return new TableData(table, data, rows);
    }
}
