package io.autotable.repository;

import io.autotable.error.CaptureException;

import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Which of a workspace's events a reader wants, by start time: from {@code from} (inclusive) to
 * {@code to} (exclusive); an absent bound is open. The daemon advises on a sliding window of the
 * recent workload; every other command reads {@link #all()}.
 */
public record EventWindow(Optional<Instant> from, Optional<Instant> to)
{
    public EventWindow
    {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw CaptureException.invalid("event window ends (%s) before it starts (%s)", to.get(), from.get());
        }
    }

    public static EventWindow all()
    {
        return new EventWindow(Optional.empty(), Optional.empty());
    }

    public static EventWindow between(Instant from, Instant to)
    {
        return new EventWindow(Optional.of(from), Optional.of(to));
    }

    public boolean contains(Instant start)
    {
        return from.map(bound -> !start.isBefore(bound)).orElse(true) && to.map(start::isBefore).orElse(true);
    }

    /** The SQL condition on {@code start_time} (with the table alias given), {@code TRUE} when open. */
    String condition(String alias)
    {
        String column = alias.isEmpty() ? "start_time" : alias + ".start_time";
        StringBuilder sql = new StringBuilder("TRUE");
        from.ifPresent(ignored -> sql.append(" AND ").append(column).append(" >= ?"));
        to.ifPresent(ignored -> sql.append(" AND ").append(column).append(" < ?"));
        return sql.toString();
    }
}
