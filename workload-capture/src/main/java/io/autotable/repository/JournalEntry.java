package io.autotable.repository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One thing autotable did to a workspace (a load, a design import, an applied change), in the
 * order it happened.
 *
 * @param id the entry's position in the journal, 0 before it is stored
 * @param detail what was done, as text a person can read (often JSON)
 */
public record JournalEntry(long id, Instant at, String action, Optional<String> table, String detail)
{
    public JournalEntry
    {
        // the repository keeps microseconds, as warehouse logs do
        at = requireNonNull(at, "at is null").truncatedTo(ChronoUnit.MICROS);
        requireNonNull(action, "action is null");
        requireNonNull(table, "table is null");
        requireNonNull(detail, "detail is null");
    }

    public static JournalEntry of(String action, Optional<String> table, String detail)
    {
        return new JournalEntry(0, Instant.now(), action, table, detail);
    }
}
