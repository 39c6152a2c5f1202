package io.autotable.repository;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static java.util.Objects.requireNonNull;

/**
 * A copy of one of the workspace's H2 databases taken before a change that rewrites it, restored
 * when H2 cannot open the database afterwards.
 *
 * <p>Why: H2 2.5 now and then leaves a file it cannot reopen when the process writing it is killed
 * (measured: "Chunk 21 not found" once in a 4-kill run of the daemon's crash test, none in three
 * 50-kill runs). No journal recovers a file the database cannot read, so the table rewriter takes
 * a backup of the warehouse when a change begins and discards it when the change has ended.
 *
 * <p>{@link #take} writes the backup with H2's online {@code BACKUP TO} into a temporary file and
 * renames it into place, so the backup on disk is always complete. {@link #restore} runs only when
 * opening the database failed with one of H2's corruption errors ({@link #isCorruption}): it keeps
 * the unreadable file beside the database as {@code corrupt-<millis>-<name>.mv.db}, extracts the
 * backup into a temporary file, renames it over the database and leaves a note ({@link #takeRestoreNote})
 * for the recovery that runs next; the database is then as it was when the change began, and the
 * change's recovery rolls it back.
 */
public final class DatabaseBackup
{
    /** MVStore's error codes for a file it cannot read. */
    private static final Set<Integer> CORRUPTION_CODES = Set.of(
            DataUtils.ERROR_FILE_CORRUPT, DataUtils.ERROR_CHUNK_NOT_FOUND, DataUtils.ERROR_BLOCK_NOT_FOUND);
    /** H2's SQL error code for a corrupted database file (FILE_CORRUPTED_1). */
    private static final int H2_FILE_CORRUPTED = 90030;

    private final Path directory;
    private final String databaseName;

    public DatabaseBackup(Path directory, String databaseName)
    {
        this.directory = requireNonNull(directory, "directory is null");
        this.databaseName = requireNonNull(databaseName, "databaseName is null");
    }

    /** The backup: a zip holding {@code <name>.mv.db}, as H2's {@code BACKUP TO} writes it. */
    public Path file()
    {
        return directory.resolve(databaseName + ".backup.zip");
    }

    public boolean exists()
    {
        return Files.exists(file());
    }

    /**
     * Backs the database up through an open connection to it, replacing any earlier backup only
     * once the new one is complete.
     */
    public void take(Connection connection)
            throws SQLException, IOException
    {
        Path partial = partial();
        Files.deleteIfExists(partial);
        boolean complete = false;
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("BACKUP TO '" + partial.toString().replace("'", "''") + "'");
            }
            try (FileChannel written = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            Files.move(partial, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            complete = true;
        }
        finally {
            if (!complete) {
                // a full disk must not stay full of half a backup
                Files.deleteIfExists(partial);
            }
        }
    }

    /** Deletes the backup once the change it guarded has ended, and what a killed {@link #take} left. */
    public void discard()
            throws IOException
    {
        Files.deleteIfExists(file());
        Files.deleteIfExists(partial());
    }

    /**
     * Holds the lock under which one process at a time restores the database: a process that
     * waited for it must try to open the database again before it restores, since the one before
     * it may have restored it already (and have the restored file open).
     */
    public Closeable lockForRestore()
            throws IOException
    {
        FileChannel channel = FileChannel.open(directory.resolve(databaseName + ".restore.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            channel.lock();
        }
        catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        // closing the channel releases the lock
        return channel;
    }

    /**
     * Whether opening a database failed because H2 cannot read its file (as opposed to a lock, a
     * wrong password or a full disk).
     */
    public static boolean isCorruption(Throwable failure)
    {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MVStoreException store && CORRUPTION_CODES.contains(store.getErrorCode())) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getErrorCode() == H2_FILE_CORRUPTED) {
                return true;
            }
        }
        return false;
    }

    /**
     * Replaces the unreadable database file with the backup, keeping the unreadable file beside it.
     * Call it only after opening the database failed with {@link #isCorruption}: nobody has the
     * file open then (a process serving it would have served this one).
     *
     * @return false when there is no backup to restore
     */
    public boolean restore(Throwable failure)
            throws IOException
    {
        if (!exists()) {
            return false;
        }
        Path database = directory.resolve(databaseName + ".mv.db");
        // names outside "<name>.*": H2's BACKUP TO zips every file whose name starts so
        Path restoring = directory.resolve("restoring-" + databaseName + ".mv.db");
        Files.deleteIfExists(restoring);
        boolean found = false;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals(databaseName + ".mv.db")) {
                    copy(zip, restoring);
                    found = true;
                    break;
                }
            }
        }
        if (!found) {
            Files.deleteIfExists(restoring);
            throw new IOException("the backup %s holds no %s.mv.db".formatted(file(), databaseName));
        }
        Path corrupt = directory.resolve("corrupt-%d-%s.mv.db".formatted(System.currentTimeMillis(), databaseName));
        if (Files.exists(database)) {
            Files.move(database, corrupt, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(restoring, database, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(note(), "H2 could not open %s (%s); it was restored from the backup taken when the change began, the unreadable file is kept as %s"
                .formatted(database.getFileName(), firstLine(failure), corrupt.getFileName()), StandardCharsets.UTF_8);
        return true;
    }

    /** The note a {@link #restore} left, deleted as it is read: recovery journals it once. */
    public Optional<String> takeRestoreNote()
            throws IOException
    {
        if (!Files.exists(note())) {
            return Optional.empty();
        }
        String text = Files.readString(note(), StandardCharsets.UTF_8);
        Files.delete(note());
        return Optional.of(text);
    }

    private Path partial()
    {
        return directory.resolve(databaseName + ".backup.zip.part");
    }

    private Path note()
    {
        return directory.resolve(databaseName + ".restored-from-backup");
    }

    private static void copy(InputStream in, Path target)
            throws IOException
    {
        Files.copy(in, target);
        try (FileChannel written = FileChannel.open(target, StandardOpenOption.WRITE)) {
            written.force(true);
        }
    }

    private static String firstLine(Throwable failure)
    {
        String message = String.valueOf(failure.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
