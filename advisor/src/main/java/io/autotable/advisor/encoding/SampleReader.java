package io.autotable.advisor.encoding;

import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.encoding.Column;
import io.autotable.encoding.ColumnBuilder;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * Reads a sample of a table's rows from the embedded warehouse, in the table's stored order (H2's
 * row ids, the order a sort key's rewrite leaves), so that runs, deltas and order survive as
 * encoders would see them. A table of at most {@link SampleSpec#rows()} rows is read whole;
 * a larger one as {@link SampleSpec#chunks()} chunks of consecutive rows starting at evenly spaced
 * positions (chunk {@code i} of {@code n} at row {@code i * rows / n}): no randomness, and every
 * part of the table is represented.
 */
public final class SampleReader
{
    private SampleReader() {}

    /**
     * How much to sample.
     *
     * @param rows rows in the sample at most (Redshift's ANALYZE COMPRESSION takes 100,000 by default)
     * @param chunks how many chunks of consecutive rows a large table's sample is made of
     */
    public record SampleSpec(int rows, int chunks)
    {
        public SampleSpec
        {
            if (rows < 1 || chunks < 1 || chunks > rows) {
                throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "a sample needs 1 <= chunks <= rows, got %d chunks of %d rows".formatted(chunks, rows));
            }
        }

        public static SampleSpec defaults()
        {
            return new SampleSpec(100_000, 10);
        }
    }

    /** The sampled values of each of the table's columns, in the table's column order. */
    public static List<Column> read(Connection connection, Table table, long tableRows, SampleSpec spec)
    {
        requireNonNull(connection, "connection is null");
        requireNonNull(table, "table is null");
        requireNonNull(spec, "spec is null");
        List<io.autotable.catalog.Column> columns = table.columns();
        int expected = (int) Math.min(tableRows, spec.rows());
        List<ColumnBuilder> builders = new ArrayList<>(columns.size());
        for (io.autotable.catalog.Column column : columns) {
            builders.add(new ColumnBuilder(column.type(), expected));
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(quote(columns.get(i).name()));
        }
        sql.append(" FROM ").append(quote(table.name())).append(" ORDER BY _ROWID_ OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            if (tableRows <= spec.rows()) {
                readChunk(statement, 0, spec.rows(), columns, builders);
            }
            else {
                int perChunk = spec.rows() / spec.chunks();
                for (int chunk = 0; chunk < spec.chunks(); chunk++) {
                    readChunk(statement, chunk * tableRows / spec.chunks(), perChunk, columns, builders);
                }
            }
        }
        catch (SQLException e) {
            throw new SimulatorException(ErrorCode.WAREHOUSE_FAILURE, "cannot read a sample of table %s: %s".formatted(table.name(), e.getMessage()), e);
        }
        List<Column> sample = new ArrayList<>(builders.size());
        for (ColumnBuilder builder : builders) {
            sample.add(builder.build());
        }
        return List.copyOf(sample);
    }

    private static void readChunk(PreparedStatement statement, long offset, int rows, List<io.autotable.catalog.Column> columns, List<ColumnBuilder> builders)
            throws SQLException
    {
        statement.setLong(1, offset);
        statement.setInt(2, rows);
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                for (int i = 0; i < columns.size(); i++) {
                    builders.get(i).add(value(rs, i + 1, columns.get(i).type()));
                }
            }
        }
    }

    private static Object value(ResultSet rs, int index, ColumnType type)
            throws SQLException
    {
        return switch (type.kind()) {
            case DATE -> rs.getObject(index, LocalDate.class);
            case TIME -> rs.getObject(index, LocalTime.class);
            case TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
            case TIMESTAMPTZ -> rs.getObject(index, OffsetDateTime.class);
            default -> rs.getObject(index);
        };
    }

    private static String quote(String identifier)
    {
        return '"' + identifier.toLowerCase(Locale.ROOT).replace("\"", "\"\"") + '"';
    }
}
