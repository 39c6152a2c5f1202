package io.autotable.capture;

import io.autotable.repository.JournalEntry;
import io.autotable.repository.WorkloadRepository;
import io.autotable.workload.QueryEvent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Imports log files into a workspace's repository: streams each file's events through its
 * {@link WorkloadSource} into the repository in batches, so a log of millions of events never
 * sits in memory, and hands every bad record to the caller while the import goes on.
 */
public final class WorkloadImporter
{
    /**
     * One file's import.
     *
     * @param added events the repository did not hold yet
     * @param duplicates events it already held (the same file imported before)
     */
    public record FileResult(String file, SourceStats stats, long added, long duplicates)
    {
        public FileResult
        {
            requireNonNull(file, "file is null");
            requireNonNull(stats, "stats is null");
        }
    }

    private final WorkloadRepository repository;

    public WorkloadImporter(WorkloadRepository repository)
    {
        this.repository = requireNonNull(repository, "repository is null");
    }

    /**
     * Imports files one after the other; a file that cannot be read at all stops the import with
     * its error after the files before it were imported.
     *
     * @param problems receives every bad record of every file
     */
    public List<FileResult> importFiles(WorkloadSource source, List<Path> files, Consumer<BadRecord> problems)
    {
        List<FileResult> results = new ArrayList<>();
        for (Path file : files) {
            results.add(importFile(source, file, problems));
        }
        return List.copyOf(results);
    }

    private FileResult importFile(WorkloadSource source, Path file, Consumer<BadRecord> problems)
    {
        return importFrom(source.format(), file.toString(), (events, bad) -> source.read(file, events, bad), problems);
    }

    /** Reads the records of something that is not a file (a live server), the way files are imported. */
    @FunctionalInterface
    public interface Reader
    {
        SourceStats read(Consumer<QueryEvent> events, Consumer<BadRecord> problems);
    }

    /**
     * Imports what a reader hands over.
     *
     * @param name what was read, for the journal and the result (a file, a JDBC URL)
     */
    public FileResult importFrom(String format, String name, Reader reader, Consumer<BadRecord> problems)
    {
        List<QueryEvent> batch = new ArrayList<>(WorkloadRepository.EVENT_BATCH_SIZE);
        long[] added = {0};
        long[] handed = {0};
        SourceStats stats = reader.read(event -> {
            batch.add(event);
            handed[0]++;
            if (batch.size() == WorkloadRepository.EVENT_BATCH_SIZE) {
                added[0] += repository.appendEvents(batch);
                batch.clear();
            }
        }, problems);
        if (!batch.isEmpty()) {
            added[0] += repository.appendEvents(batch);
        }
        FileResult result = new FileResult(name, stats, added[0], handed[0] - added[0]);
        repository.appendJournal(JournalEntry.of("import", Optional.empty(), String.format(Locale.ROOT,
                "%s %s: %d records, %d events (%d new, %d already imported), %d bad",
                format, name, stats.records(), stats.events(), result.added(), result.duplicates(), stats.bad())));
        return result;
    }
}
