package io.autotable.repository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static java.util.Objects.requireNonNull;

/**
 * What a daemon process last said about itself.
 *
 * @param state {@code running}, {@code applying}, {@code stopped}
 * @param detail JSON: its configuration, its last and next run
 */
public record DaemonState(long pid, Instant startedAt, Instant heartbeatAt, String state, String detail)
{
    public DaemonState
    {
        startedAt = requireNonNull(startedAt, "startedAt is null").truncatedTo(ChronoUnit.MICROS);
        heartbeatAt = requireNonNull(heartbeatAt, "heartbeatAt is null").truncatedTo(ChronoUnit.MICROS);
        requireNonNull(state, "state is null");
        requireNonNull(detail, "detail is null");
    }
}
