package io.autotable.capture.jdbc;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One statement an application ran through the capture driver, as the application thread saw
 * it: cheap to build, so fingerprinting and the event id are left to the recorder's thread.
 *
 * @param rows the update count, or the rows the application read from the result set; 0 when
 *        unknown (the driver's -1 or {@code SUCCESS_NO_INFO})
 * @param error the driver's message, present exactly when the statement failed
 */
record Execution(String user, Instant start, long durationNanos, long rows, String sql, Optional<String> error)
{
    Execution
    {
        requireNonNull(user, "user is null");
        requireNonNull(start, "start is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(error, "error is null");
        durationNanos = Math.max(0, durationNanos);
        rows = Math.max(0, rows);
    }
}
