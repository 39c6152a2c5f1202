package io.autotable.capture;

import io.autotable.error.CaptureException;

import static java.util.Objects.requireNonNull;

/**
 * A record of a log that could not be imported.
 *
 * @param file the file as the user named it
 * @param line the 1-based line where the record starts
 * @param reason what is wrong, and what to do where that helps
 * @param excerpt the start of the record, shortened to at most {@value #MAX_EXCERPT} characters
 */
public record BadRecord(String file, long line, String reason, String excerpt)
{
    public static final int MAX_EXCERPT = 80;

    public BadRecord
    {
        requireNonNull(file, "file is null");
        requireNonNull(reason, "reason is null");
        requireNonNull(excerpt, "excerpt is null");
        if (line < 1) {
            throw CaptureException.invalid("line must be >= 1, got %d", line);
        }
        if (excerpt.length() > MAX_EXCERPT) {
            excerpt = excerpt.substring(0, MAX_EXCERPT - 3) + "...";
        }
    }

    /** One line for the terminal: {@code file:line: reason}. */
    public String describe()
    {
        return "%s:%d: %s".formatted(file, line, reason);
    }
}
