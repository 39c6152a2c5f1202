package io.autotable.simulator.warehouse;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * One table's finished load.
 *
 * @param sizeBytes the table's uncompressed size as its statistics estimate it
 */
public record TableLoad(String table, long rows, long sizeBytes, Duration elapsed)
{
    public TableLoad
    {
        requireNonNull(table, "table is null");
        requireNonNull(elapsed, "elapsed is null");
    }
}
