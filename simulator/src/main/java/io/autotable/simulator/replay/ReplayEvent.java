package io.autotable.simulator.replay;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** A run of a statement in a replayed log: when it arrived, which statement, who ran it. */
public record ReplayEvent(Instant start, String fingerprint, String user)
{
    public ReplayEvent
    {
        requireNonNull(start, "start is null");
        requireNonNull(fingerprint, "fingerprint is null");
        requireNonNull(user, "user is null");
    }
}
