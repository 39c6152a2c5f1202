package io.autotable.workload;

import io.autotable.error.CaptureException;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * All runs of one statement (one fingerprint) in a workload.
 *
 * @param fingerprint the statements' literal-normalised fingerprint
 * @param count how many times it ran
 * @param totalMicros the runs' total duration
 * @param sql one run's text, as a representative
 * @param shape the analysed statement, absent when it could not be parsed
 * @param parseError why it could not be parsed, present exactly when the shape is absent
 */
public record QueryGroup(
        String fingerprint,
        long count,
        long totalMicros,
        String sql,
        Optional<QueryShape> shape,
        Optional<String> parseError)
{
    public QueryGroup
    {
        requireNonNull(fingerprint, "fingerprint is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(shape, "shape is null");
        requireNonNull(parseError, "parseError is null");
        if (count < 1) {
            throw CaptureException.invalid("query group %s: count must be >= 1, got %d", fingerprint, count);
        }
        if (totalMicros < 0) {
            throw CaptureException.invalid("query group %s: totalMicros must be >= 0, got %d", fingerprint, totalMicros);
        }
        if (shape.isPresent() == parseError.isPresent()) {
            throw CaptureException.invalid("query group %s: exactly one of shape and parseError must be present", fingerprint);
        }
    }
}
