package io.autotable.simulator.data;

import io.autotable.catalog.Table;

import java.util.List;

/**
 * A generator of a benchmark's data (TPC-H, TPC-DS, SSB), deterministic for a given scale.
 *
 * <p>Rows are handed to a {@link RowSink} as arrays of Java values in the table's column order:
 * {@link Long} for SMALLINT, INTEGER and BIGINT; {@link java.math.BigDecimal} for DECIMAL (at the
 * column's scale); {@link Double} for REAL and DOUBLE; {@link String} for CHAR and VARCHAR;
 * {@link java.time.LocalDate} for DATE; {@link java.time.LocalDateTime} for TIMESTAMP;
 * {@link Boolean} for BOOLEAN; {@code null} for SQL NULL.
 */
public interface BenchmarkGenerator
{
    /** The benchmark's name on the command line: {@code tpch}, {@code tpcds}, {@code ssb}. */
    String name();

    /** The smallest scale factor the generator supports. */
    double minScale();

    /** The largest scale factor autotable accepts for the embedded warehouse. */
    double maxScale();

    /** The benchmark's tables with their declared columns (no statistics), in load order. */
    List<Table> schema();

    /** How many rows {@link #generate} will produce for a table at a scale (exact where the generator's rules are). */
    long expectedRows(String table, double scale);

    /**
     * Generates a table's rows at a scale, in the generator's order, stopping early when the
     * thread is interrupted.
     */
    void generate(String table, double scale, RowSink sink);
}
