package io.autotable.repository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static java.util.Objects.requireNonNull;

/**
 * One run of the advisor, by a command ({@code advise}) or the daemon, as the repository keeps it.
 *
 * @param runNo the run's number, 0 before it is stored
 * @param origin {@code advise} or {@code daemon}
 * @param window the events the run advised on
 * @param detail JSON the run's owner reads back (its configuration, its decisions)
 */
public record AdviceRun(long runNo, Instant at, String origin, EventWindow window, double baselineSeconds, double recommendedSeconds, String detail)
{
    public AdviceRun
    {
        at = requireNonNull(at, "at is null").truncatedTo(ChronoUnit.MICROS);
        requireNonNull(origin, "origin is null");
        requireNonNull(window, "window is null");
        requireNonNull(detail, "detail is null");
    }

    /** The id users see: {@code A12}. */
    public String id()
    {
        return "A" + runNo;
    }
}
