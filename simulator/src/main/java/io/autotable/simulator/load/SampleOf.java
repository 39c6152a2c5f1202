package io.autotable.simulator.load;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * The rows being loaded are a uniform random sample of a bigger table: statistics and size are
 * scaled to the table's rows (see {@link io.autotable.simulator.stats.TableStatsCollector#finishSample}).
 *
 * @param tableRows the whole table's rows, or empty to take them from the catalog (an imported
 *        SVV_TABLE_INFO, or an earlier load)
 */
public record SampleOf(OptionalLong tableRows)
{
    public SampleOf
    {
        requireNonNull(tableRows, "tableRows is null");
        if (tableRows.isPresent() && tableRows.getAsLong() < 1) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "--sample-of must be a row count >= 1, got " + tableRows.getAsLong());
        }
    }

    public static SampleOf rows(long tableRows)
    {
        return new SampleOf(OptionalLong.of(tableRows));
    }

    public static SampleOf rowsFromCatalog()
    {
        return new SampleOf(OptionalLong.empty());
    }
}
