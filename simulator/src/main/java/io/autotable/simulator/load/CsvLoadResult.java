package io.autotable.simulator.load;

import io.autotable.catalog.Table;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * A finished load.
 *
 * @param table the table as the catalog now holds it, with statistics (scaled when a sample)
 * @param rowsLoaded rows written to the warehouse
 * @param rowsRejected rows rejected, each one reported
 * @param bytesRead bytes of the files read by the load (compressed bytes for gzip files), not
 *        counting the type inference pass
 * @param inferred whether the columns were inferred from the files rather than taken from the catalog
 * @param sampleOf the table rows statistics were scaled to, when the rows were a sample
 * @param inference time spent inferring the columns' types (zero when the catalog had them)
 * @param load time spent loading, statistics included, from the first byte read to the table replaced
 * @param warnings what the user should know about the result
 */
public record CsvLoadResult(
        Table table,
        long rowsLoaded,
        long rowsRejected,
        long bytesRead,
        boolean inferred,
        OptionalLong sampleOf,
        Duration inference,
        Duration load,
        List<String> warnings)
{
    public CsvLoadResult
    {
        requireNonNull(table, "table is null");
        requireNonNull(sampleOf, "sampleOf is null");
        requireNonNull(inference, "inference is null");
        requireNonNull(load, "load is null");
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    }

    /** Rows read (loaded and rejected) per second of the load. */
    public double rowsPerSecond()
    {
        double seconds = load.toNanos() / 1e9;
        return seconds <= 0 ? 0 : (rowsLoaded + rowsRejected) / seconds;
    }

    /** Megabytes (10^6 bytes) of the files read per second of the load. */
    public double megabytesPerSecond()
    {
        double seconds = load.toNanos() / 1e9;
        return seconds <= 0 ? 0 : bytesRead / 1e6 / seconds;
    }
}
