package io.autotable.simulator.stats;

import io.autotable.catalog.Column;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A table's columns with their statistics attached, as {@link TableStatsCollector} computed them.
 *
 * @param columns the table's columns in order, each with {@link Column#stats()} present
 * @param rows rows the statistics were computed over
 * @param sizeBytes uncompressed bytes of the table's non-null values: the sum over columns of
 *        average width times non-null rows (no row or block overhead)
 */
public record TableStats(List<Column> columns, long rows, long sizeBytes)
{
    public TableStats
    {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        if (rows < 0) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "rows must be >= 0, got " + rows);
        }
        if (sizeBytes < 0) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "sizeBytes must be >= 0, got " + sizeBytes);
        }
    }
}
