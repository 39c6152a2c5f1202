package io.autotable.repository;

import io.autotable.error.CaptureException;

import java.time.Duration;
import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** The first and last start time of a workspace's events. */
public record EventSpan(Instant first, Instant last)
{
    private static final double SECONDS_PER_DAY = 86_400;

    public EventSpan
    {
        requireNonNull(first, "first is null");
        requireNonNull(last, "last is null");
        if (last.isBefore(first)) {
            throw CaptureException.invalid("event span ends (%s) before it starts (%s)", last, first);
        }
    }

    public Duration duration()
    {
        return Duration.between(first, last);
    }

    /**
     * The days the events cover, at least 1: a log of a few hours counts as one day, so per-day
     * figures never extrapolate a short log upward.
     */
    public double days()
    {
        return Math.max(1, duration().toSeconds() / SECONDS_PER_DAY);
    }
}
