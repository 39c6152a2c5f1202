package io.autotable.simulator.warehouse;

import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A finished benchmark load: every table's rows and the time the whole load took.
 */
public record LoadSummary(String benchmark, double scale, List<TableLoad> tables, Duration elapsed)
{
    public LoadSummary
    {
        requireNonNull(benchmark, "benchmark is null");
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
        requireNonNull(elapsed, "elapsed is null");
    }

    public long rows()
    {
        long rows = 0;
        for (TableLoad table : tables) {
            rows += table.rows();
        }
        return rows;
    }

    /** Rows generated, loaded and profiled per second of wall-clock time. */
    public double rowsPerSecond()
    {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rows() / seconds;
    }
}
