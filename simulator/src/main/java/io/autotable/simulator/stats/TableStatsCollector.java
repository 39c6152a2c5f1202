package io.autotable.simulator.stats;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnStats;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

/**
 * Computes the statistics of every column of a table in one pass over its rows, as they are
 * generated or loaded. See {@link ColumnStatsCollector} for how each statistic is computed and
 * when it is exact.
 *
 * <p>Rows are arrays of Java values in column order, of the types
 * {@link io.autotable.simulator.data.BenchmarkGenerator} documents (plus {@link java.time.LocalTime}
 * for TIME and {@link java.time.Instant} or {@link java.time.OffsetDateTime} for TIMESTAMPTZ).
 * The same rows in the same order with the same options give the same statistics.
 *
 * <p>Memory: up to {@link StatsOptions#exactDistinctLimit()} distinct values per column (their
 * references, a count and a hash slot each), then a fixed size per column: the HLL sketch
 * ({@code 2^hllLgK} bytes), the frequent-items sketch (8192 counters) and the KLL sketch (a few
 * times {@code kllK} values).
 *
 * <p>One collector per table load; not thread-safe. A row that fails validation leaves the
 * collector unusable.
 */
public final class TableStatsCollector
{
    private final ColumnStatsCollector[] columns;
    private long rows;
    private boolean finished;

    public TableStatsCollector(List<Column> columns, StatsOptions options)
    {
        requireNonNull(columns, "columns is null");
        requireNonNull(options, "options is null");
        SplittableRandom seeds = new SplittableRandom(options.seed());
        this.columns = new ColumnStatsCollector[columns.size()];
        for (int i = 0; i < this.columns.length; i++) {
            this.columns[i] = new ColumnStatsCollector(requireNonNull(columns.get(i), "column is null"), options, seeds.nextLong());
        }
    }

    /** Adds one row; the collector does not keep the array. */
    public void add(Object[] row)
    {
        requireNonNull(row, "row is null");
        if (finished) {
            throw new IllegalStateException("statistics already finished");
        }
        if (row.length != columns.length) {
            throw new SimulatorException(
                    ErrorCode.INVALID_ARGUMENT,
                    format("row %d has %d values but the table has %d columns", rows + 1, row.length, columns.length));
        }
        long number = rows + 1;
        for (int i = 0; i < columns.length; i++) {
            columns[i].add(row[i], number);
        }
        rows = number;
    }

    /** Rows added so far. */
    public long rows()
    {
        return rows;
    }

    /**
     * The table's columns with their statistics. Call once, after the last row.
     *
     * <p>{@link TableStats#sizeBytes()} is the uncompressed size of the non-null values: for each
     * column, its average width times its non-null rows (which is the exact sum of the values'
     * widths).
     */
    public TableStats finish()
    {
        if (finished) {
            throw new IllegalStateException("statistics already finished");
        }
        finished = true;
        List<Column> withStats = new ArrayList<>(columns.length);
        long sizeBytes = 0;
        for (ColumnStatsCollector column : columns) {
            withStats.add(column.column().withStats(column.finish()));
            sizeBytes += column.bytes();
        }
        return new TableStats(withStats, rows, sizeBytes);
    }

    /**
     * The statistics of a table of {@code tableRows} rows, of which the rows added here are a
     * uniform random sample; call once, after the last row, instead of {@link #finish()}. What
     * scales and how is {@link SampleScaling}'s contract: the table's rows are {@code tableRows},
     * its size and every column's distinct count are estimated for that many rows, and everything
     * else (null fraction, min and max, most common values' frequencies, histogram, average width)
     * is the sample's, each column's {@code rowCount} being the sample's rows. When
     * {@code tableRows} is not more than the rows added, this is {@link #finish()}.
     */
    public TableStats finishSample(long tableRows)
    {
        if (tableRows < 0) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "tableRows must be >= 0, got " + tableRows);
        }
        if (tableRows <= rows) {
            return finish();
        }
        if (finished) {
            throw new IllegalStateException("statistics already finished");
        }
        finished = true;
        List<Column> withStats = new ArrayList<>(columns.length);
        long sampleBytes = 0;
        for (ColumnStatsCollector column : columns) {
            ColumnStats stats = column.finish();
            withStats.add(column.column().withStats(SampleScaling.scale(stats, column.singletons(stats.distinct()), tableRows)));
            sampleBytes += column.bytes();
        }
        return new TableStats(withStats, tableRows, SampleScaling.scaleCount(sampleBytes, rows, tableRows));
    }
}
