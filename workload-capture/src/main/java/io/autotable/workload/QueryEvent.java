package io.autotable.workload;

import io.autotable.error.CaptureException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One statement a warehouse ran, as a log recorded it.
 *
 * @param source where the event came from (a log file, {@code capture}, a benchmark run); with
 *        {@code id} it identifies the event, so importing the same log twice adds nothing twice
 * @param id the event's id within its source (a query id, or a line number)
 * @param user who ran it
 * @param start when it started, to the microsecond
 * @param durationMicros how long it ran, in microseconds
 * @param rows rows it returned or changed
 * @param sql the statement's text
 * @param fingerprint the literal-normalised form's hash, grouping runs of the same statement
 * @param status whether it succeeded
 * @param error the engine's error message, present exactly when it failed
 */
public record QueryEvent(
        String source,
        String id,
        String user,
        Instant start,
        long durationMicros,
        long rows,
        String sql,
        String fingerprint,
        EventStatus status,
        Optional<String> error)
{
    public QueryEvent
    {
        requireNonNull(source, "source is null");
        requireNonNull(id, "id is null");
        requireNonNull(user, "user is null");
        // microseconds, as warehouse logs and the repository keep them
        start = requireNonNull(start, "start is null").truncatedTo(ChronoUnit.MICROS);
        requireNonNull(sql, "sql is null");
        requireNonNull(fingerprint, "fingerprint is null");
        requireNonNull(status, "status is null");
        requireNonNull(error, "error is null");
        if (source.isBlank()) {
            throw CaptureException.invalid("event source is blank");
        }
        if (durationMicros < 0) {
            throw CaptureException.invalid("event %s/%s: duration must be >= 0, got %d", source, id, durationMicros);
        }
        if (rows < 0) {
            throw CaptureException.invalid("event %s/%s: rows must be >= 0, got %d", source, id, rows);
        }
        if ((status == EventStatus.FAILED) != error.isPresent()) {
            throw CaptureException.invalid("event %s/%s: an error message goes with FAILED and only with it", source, id);
        }
    }

    public static QueryEvent succeeded(String source, String id, String user, Instant start, long durationMicros, long rows, String sql, String fingerprint)
    {
        return new QueryEvent(source, id, user, start, durationMicros, rows, sql, fingerprint, EventStatus.SUCCEEDED, Optional.empty());
    }

    public static QueryEvent failed(String source, String id, String user, Instant start, long durationMicros, String sql, String fingerprint, String error)
    {
        return new QueryEvent(source, id, user, start, durationMicros, 0, sql, fingerprint, EventStatus.FAILED, Optional.of(error));
    }
}
