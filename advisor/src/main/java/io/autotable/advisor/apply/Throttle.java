package io.autotable.advisor.apply;

import io.autotable.advisor.AdvisorException;
import io.autotable.error.ErrorCode;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * How gently a rewrite treats the queries that run while it copies a table.
 *
 * <p>Between two batches the rewrite sleeps {@code pause}, then counts the other warehouse
 * sessions that are executing a statement; while more than {@code busySessions} are, it waits, at
 * most {@code busyWait} per batch, and then copies the next batch anyway: a busy warehouse slows a
 * rewrite down but never stalls it for ever, so a change started in a maintenance window ends.
 *
 * @param batchSize rows copied and committed together
 * @param pause sleep between two batches, zero for none
 * @param busySessions the most other sessions executing a statement at which copying goes on without waiting
 * @param busyWait the longest wait for the foreground load to drop, per batch
 */
public record Throttle(int batchSize, Duration pause, int busySessions, Duration busyWait)
{
    public Throttle
    {
        requireNonNull(pause, "pause is null");
        requireNonNull(busyWait, "busyWait is null");
        if (batchSize < 1) {
            throw invalid("batchSize must be at least 1, got " + batchSize);
        }
        if (pause.isNegative()) {
            throw invalid("pause must not be negative, got " + pause);
        }
        if (busySessions < 0) {
            throw invalid("busySessions must not be negative, got " + busySessions);
        }
        if (busyWait.isNegative()) {
            throw invalid("busyWait must not be negative, got " + busyWait);
        }
    }

    /**
     * 10,000-row batches with a 20 ms pause, waiting up to 5 s per batch while more than two other
     * sessions run a statement.
     */
    public static Throttle defaults()
    {
        return new Throttle(10_000, Duration.ofMillis(20), 2, Duration.ofSeconds(5));
    }

    public Throttle withBatchSize(int newBatchSize)
    {
        return new Throttle(newBatchSize, pause, busySessions, busyWait);
    }

    public Throttle withPause(Duration newPause)
    {
        return new Throttle(batchSize, newPause, busySessions, busyWait);
    }

    public Throttle withBusySessions(int newBusySessions, Duration newBusyWait)
    {
        return new Throttle(batchSize, pause, newBusySessions, newBusyWait);
    }

    private static AdvisorException invalid(String message)
    {
        return new AdvisorException(ErrorCode.INVALID_ARGUMENT, "throttle: " + message);
    }
}
