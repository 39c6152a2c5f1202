package io.autotable.simulator.load;

import io.autotable.catalog.Identifiers;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * What to load: delimited text files into one table of the embedded warehouse.
 *
 * @param table the table, replaced by the files' rows; its columns come from the catalog when it
 *        has them, else they are inferred from the files
 * @param maxErrors the rejected rows tolerated: one more stops the load and leaves the table as it
 *        was (as Redshift's {@code COPY ... MAXERROR}); empty tolerates any number
 * @param sample present when the rows are a sample of a bigger table
 */
public record CsvLoadRequest(String table, List<Path> files, CsvFormat format, OptionalLong maxErrors, Optional<SampleOf> sample)
{
    public CsvLoadRequest
    {
        table = Identifiers.normalize(table, "table");
        files = List.copyOf(requireNonNull(files, "files is null"));
        requireNonNull(format, "format is null");
        requireNonNull(maxErrors, "maxErrors is null");
        requireNonNull(sample, "sample is null");
        if (files.isEmpty()) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "name at least one file to load into table " + table);
        }
        if (maxErrors.isPresent() && maxErrors.getAsLong() < 0) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "--max-errors must be >= 0, got " + maxErrors.getAsLong());
        }
    }
}
