package io.autotable.repository;

import io.autotable.error.CaptureException;

import static java.util.Objects.requireNonNull;

/**
 * The stored runs of one statement.
 *
 * @param runs how many events have this fingerprint
 * @param totalMicros their total duration
 * @param failed how many of them failed
 * @param sql the first stored run's text
 */
public record FingerprintGroup(String fingerprint, long runs, long totalMicros, long failed, String sql)
{
    public FingerprintGroup
    {
        requireNonNull(fingerprint, "fingerprint is null");
        requireNonNull(sql, "sql is null");
        if (runs < 1 || failed < 0 || failed > runs || totalMicros < 0) {
            throw CaptureException.invalid("fingerprint %s: inconsistent counts runs=%d failed=%d totalMicros=%d", fingerprint, runs, failed, totalMicros);
        }
    }
}
