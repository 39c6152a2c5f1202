package io.autotable.capture;

import io.autotable.capture.jsonl.JsonlSource;
import io.autotable.capture.postgres.PgStatStatementsSource;
import io.autotable.capture.redshift.StlQuerySource;
import io.autotable.capture.redshift.SysQueryHistorySource;
import io.autotable.capture.sql.SqlFileSource;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.sql.Fingerprinter;

import java.util.List;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/** Every log format {@code autotable import} reads, in one list. */
public final class WorkloadSources
{
    private WorkloadSources() {}

    /** One source per format, in the order {@code autotable import --help} lists them. */
    public static List<WorkloadSource> all(Fingerprinter fingerprinter)
    {
        requireNonNull(fingerprinter, "fingerprinter is null");
        return List.of(
                new SqlFileSource(fingerprinter),
                new JsonlSource(fingerprinter),
                new SysQueryHistorySource(fingerprinter),
                new StlQuerySource(fingerprinter),
                new PgStatStatementsSource(fingerprinter));
    }

    /**
     * @throws CaptureException with {@link ErrorCode#INVALID_ARGUMENT} listing the valid formats
     */
    public static WorkloadSource byFormat(String format, Fingerprinter fingerprinter)
    {
        requireNonNull(format, "format is null");
        List<WorkloadSource> sources = all(fingerprinter);
        for (WorkloadSource source : sources) {
            if (source.format().equals(format)) {
                return source;
            }
        }
        throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "unknown log format '%s': use one of %s".formatted(format,
                sources.stream().map(WorkloadSource::format).collect(Collectors.joining(", "))));
    }
}
