package io.autotable.advisor.daemon;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * Tells a running daemon to stop: the command line calls {@link #stop()} from its SIGTERM hook. A
 * daemon sleeping between runs wakes at once; one applying a change finishes that table first.
 * Thread-safe; stopping twice is stopping once.
 */
public final class StopSignal
{
    private final CountDownLatch stopped = new CountDownLatch(1);

    public void stop()
    {
        stopped.countDown();
    }

    public boolean isStopped()
    {
        return stopped.getCount() == 0;
    }

    /** Waits up to the timeout for the signal; whether it came. */
    public boolean await(Duration timeout)
            throws InterruptedException
    {
        requireNonNull(timeout, "timeout is null");
        return stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
}
