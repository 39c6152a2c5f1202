package io.autotable.cli;

import io.autotable.capture.BadRecord;
import io.autotable.repository.Workspace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Bad records of an import or a load: the first {@value #SHOWN} on the terminal as
 * {@code autotable: VERB FILE:LINE: reason}, all of them in {@code reports/PREFIX-yyyyMMdd-HHmmss.txt}
 * in the workspace, one per line: {@code FILE:LINE: reason}, a tab, the record's start. The file
 * is created with the first bad record. Safe to use from one thread other than the one that
 * closes it, once that thread is done.
 */
final class RejectsFile
        implements Consumer<BadRecord>, AutoCloseable
{
    /** Bad records printed on the terminal; all of them go to the file. */
    static final int SHOWN = 20;

    private final Workspace workspace;
    private final String prefix;
    private final String verb;
    private final PrintWriter err;
    private Path path;
    private BufferedWriter writer;
    private long count;

    /**
     * @param prefix the file name's start, e.g. {@code import-rejects}
     * @param verb what happened to a bad record, e.g. {@code skipped}
     */
    RejectsFile(Workspace workspace, String prefix, String verb, PrintWriter err)
    {
        this.workspace = requireNonNull(workspace, "workspace is null");
        this.prefix = requireNonNull(prefix, "prefix is null");
        this.verb = requireNonNull(verb, "verb is null");
        this.err = requireNonNull(err, "err is null");
    }

    @Override
    public synchronized void accept(BadRecord record)
    {
        count++;
        if (count <= SHOWN) {
            err.println("autotable: " + verb + " " + record.describe());
        }
        else if (count == SHOWN + 1) {
            err.println("autotable: more bad records " + verb + "; all are listed in " + path());
        }
        try {
            if (writer == null) {
                Files.createDirectories(path().getParent());
                writer = Files.newBufferedWriter(path(), StandardCharsets.UTF_8);
            }
            writer.write(record.describe() + "\t" + record.excerpt().replace('\n', ' ') + "\n");
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejects file " + path(), e);
        }
    }

    /** Bad records so far. */
    synchronized long count()
    {
        return count;
    }

    synchronized Path path()
    {
        if (path == null) {
            path = workspace.reportsDirectory().resolve(prefix + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".txt");
        }
        return path;
    }

    @Override
    public synchronized void close()
    {
        err.flush();
        if (writer != null) {
            try {
                writer.close();
            }
            catch (IOException ignored) {
                // the records were printed as they came
            }
        }
    }
}
