package io.autotable.capture;

import io.autotable.workload.QueryEvent;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * One log format autotable imports ({@code autotable import FORMAT FILE...}): reads a file and
 * hands over every event it holds.
 *
 * <p>A source never stops on a bad record: it reports it to {@code problems} with its line and
 * reason and goes on, so every good record of a damaged log is imported. A file that cannot be
 * read at all (missing, unreadable) is a {@link io.autotable.error.CaptureException} with
 * {@link io.autotable.error.ErrorCode#FILE_NOT_FOUND} or
 * {@link io.autotable.error.ErrorCode#FILE_NOT_READABLE}.
 *
 * <p>Each event's {@link QueryEvent#source()} and {@link QueryEvent#id()} identify it stably (the
 * log's own query id where it has one, else the line or offset), so importing a file twice adds
 * nothing twice.
 */
public interface WorkloadSource
{
    /** The format's name on the command line, e.g. {@code sql}, {@code jsonl}. */
    String format();

    /**
     * @param events receives every good event, in the file's order
     * @param problems receives every record that could not be read, with where and why
     */
    SourceStats read(Path file, Consumer<QueryEvent> events, Consumer<BadRecord> problems);
}
