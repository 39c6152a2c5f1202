package io.autotable.simulator.wlm;

import io.autotable.workload.QueryShape;
import io.autotable.workload.StatementKind;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A run as the log recorded it, for runtime prediction and WLM replay.
 *
 * @param start when it arrived
 * @param seconds its logged runtime
 * @param shape its statement's analysed shape, when the statement could be analysed
 * @param queryGroup its query group label, when the log has one
 */
public record LoggedRun(Instant start, String fingerprint, String user, double seconds, Optional<QueryShape> shape, Optional<String> queryGroup)
{
    public LoggedRun
    {
        requireNonNull(start, "start is null");
        requireNonNull(fingerprint, "fingerprint is null");
        requireNonNull(user, "user is null");
        requireNonNull(shape, "shape is null");
        requireNonNull(queryGroup, "queryGroup is null");
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("seconds must be finite and >= 0, got " + seconds);
        }
    }

    /** When it ended, as logged. */
    public Instant end()
    {
        return start.plusNanos(Math.round(seconds * 1e9));
    }

    /** Only SELECTs may use SQA and concurrency scaling; a statement that was not analysed counts as a write. */
    public boolean readOnly()
    {
        return shape.map(value -> value.kind() == StatementKind.SELECT).orElse(false);
    }
}
