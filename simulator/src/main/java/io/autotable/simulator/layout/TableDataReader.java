package io.autotable.simulator.layout;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * Reads a table of the embedded warehouse into {@link TableData} in one pass. A table with more
 * rows than {@code maxRows} is sampled systematically (every k-th row in load order, k the
 * smallest that keeps at most {@code maxRows}), so the sample keeps the load order's runs and
 * cycles; layouts built from it scale counts by {@link TableData#rowsPerDataRow()}.
 */
public final class TableDataReader
{
    /** Rows read in full by default: TPC-H's lineitem at scale 1 is 6 million. */
    public static final int DEFAULT_MAX_ROWS = 8_000_000;

    private TableDataReader() {}

    public static TableData read(Connection connection, Table table, int maxRows)
    {
        requireNonNull(connection, "connection is null");
        requireNonNull(table, "table is null");
        if (maxRows < 1) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "the sample size must be at least 1 row, got " + maxRows);
        }
        long every = table.rows() <= maxRows ? 1 : (table.rows() + maxRows - 1) / maxRows;
        int capacity = (int) Math.min(maxRows, Math.max(16, table.rows() / every + 1));
        List<Column> columns = table.columns();
        Builder[] builders = new Builder[columns.size()];
        for (int i = 0; i < builders.length; i++) {
            builders[i] = new Builder(columns.get(i), capacity);
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('"').append(columns.get(i).name()).append('"');
        }
        sql.append(" FROM \"").append(table.name()).append('"');
        int rows = 0;
        long seen = 0;
        try (Statement statement = connection.createStatement()) {
            // H2 otherwise buffers a big result in a temporary file before returning its first row
            statement.execute("SET LAZY_QUERY_EXECUTION TRUE");
            statement.setFetchSize(10_000);
            try (ResultSet rs = statement.executeQuery(sql.toString())) {
                while (rs.next()) {
                    if (seen++ % every != 0) {
                        continue;
                    }
                    if (rows == maxRows) {
                        break;
                    }
                    for (int i = 0; i < builders.length; i++) {
                        builders[i].add(rs, i + 1, rows);
                    }
                    rows++;
                }
            }
            finally {
                statement.execute("SET LAZY_QUERY_EXECUTION FALSE");
            }
        }
        catch (SQLException e) {
            throw new SimulatorException(ErrorCode.WAREHOUSE_FAILURE, "cannot read table %s from the embedded warehouse: %s".formatted(table.name(), e.getMessage()), e);
        }
        List<ColumnData> data = new ArrayList<>(builders.length);
        for (Builder builder : builders) {
            data.add(builder.build(rows));
        }
        return new TableData(table, data, rows);
    }

    private static final class Builder
    {
        private final Column column;
        private final ColumnType type;
        private long[] values;
        private byte[] heap;
        private int[] offsets;
        private int heapSize;
        private boolean[] nulls;
        private boolean anyNull;

        Builder(Column column, int capacity)
        {
            this.column = column;
            this.type = column.type();
            this.nulls = new boolean[capacity];
            if (type.isText()) {
                offsets = new int[capacity + 1];
                // sized from the statistics' average width, so the heap rarely grows (and copies)
                double width = column.stats().map(stats -> stats.averageWidth()).orElse((double) Math.min(16, type.length()));
                heap = new byte[(int) Math.min(Integer.MAX_VALUE - 16, Math.max(64, (long) (capacity * width * 1.02) + 64))];
            }
            else {
                values = new long[capacity];
            }
        }

        void add(ResultSet rs, int index, int row)
                throws SQLException
        {
            if (row == nulls.length) {
                grow();
            }
            if (type.isText()) {
                String value = rs.getString(index);
                if (value == null) {
                    nulls[row] = true;
                    anyNull = true;
                }
                else {
                    if (type.kind() == ColumnType.Kind.CHAR) {
                        value = value.stripTrailing();
                    }
                    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                    if ((long) heapSize + bytes.length > Integer.MAX_VALUE - 16) {
                        throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "column %s holds more than 2 GB of text: sample the table (fewer rows)".formatted(column.name()));
                    }
                    if (heapSize + bytes.length > heap.length) {
                        heap = Arrays.copyOf(heap, (int) Math.min(Integer.MAX_VALUE - 16, Math.max((long) heap.length * 3 / 2, (long) heapSize + bytes.length)));
                    }
                    System.arraycopy(bytes, 0, heap, heapSize, bytes.length);
                    heapSize += bytes.length;
                }
                offsets[row + 1] = heapSize;
                return;
            }
            long value = switch (type.kind()) {
                case SMALLINT, INTEGER, BIGINT -> rs.getLong(index);
                case BOOLEAN -> rs.getBoolean(index) ? 1 : 0;
                case DECIMAL -> {
                    BigDecimal decimal = rs.getBigDecimal(index);
                    yield decimal == null ? 0 : decimal.setScale(type.scale(), RoundingMode.HALF_UP).unscaledValue().longValue();
                }
                case REAL -> Double.doubleToLongBits((float) rs.getDouble(index));
                case DOUBLE -> Double.doubleToLongBits(rs.getDouble(index));
                case DATE -> {
                    LocalDate date = rs.getObject(index, LocalDate.class);
                    yield date == null ? 0 : date.toEpochDay();
                }
                case TIME -> {
                    LocalTime time = rs.getObject(index, LocalTime.class);
                    yield time == null ? 0 : time.toNanoOfDay() / 1_000;
                }
                case TIMESTAMP -> {
                    LocalDateTime timestamp = rs.getObject(index, LocalDateTime.class);
                    yield timestamp == null ? 0 : ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), timestamp);
                }
                case TIMESTAMPTZ -> {
                    OffsetDateTime timestamp = rs.getObject(index, OffsetDateTime.class);
                    yield timestamp == null ? 0 : ChronoUnit.MICROS.between(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), timestamp);
                }
                default -> throw new IllegalStateException("text handled above: " + type);
            };
            if (rs.wasNull()) {
                nulls[row] = true;
                anyNull = true;
                value = 0;
            }
            values[row] = value;
        }

        private void grow()
        {
            int capacity = nulls.length * 2;
            nulls = Arrays.copyOf(nulls, capacity);
            if (values != null) {
                values = Arrays.copyOf(values, capacity);
            }
            if (offsets != null) {
                offsets = Arrays.copyOf(offsets, capacity + 1);
            }
        }

        ColumnData build(int rows)
        {
            boolean[] flags = anyNull ? nulls : null;
            if (type.isText()) {
                return ColumnData.ofText(column.name(), type, heap, offsets, flags, rows);
            }
            return ColumnData.ofLongs(column.name(), type, values, flags, rows);
        }
    }
}
