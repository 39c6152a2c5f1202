package io.autotable.repository;

import org.h2.mvstore.MVStoreTool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Shrinks a workspace's H2 database file once it has grown, when no process has it open.
 *
 * <p>The workspace opens its databases with {@code REUSE_SPACE=FALSE}: H2 then only appends to the
 * file and never overwrites a chunk, which is what lets a database killed with SIGKILL reopen (with
 * space reuse on, such kills left files H2 could not read, "Chunk N not found"). The price is a file
 * that only grows; a table rewrite appends about three times the table. So when a workspace closes
 * a database whose file is at least {@link #MIN_BYTES} (16 MB) and twice the size it had after its last
 * compaction, the file is rewritten from its live data ({@link MVStoreTool#compact}) into a copy,
 * which then replaces it in one atomic rename: a crash at any point leaves the old file or the new
 * one, never a mix.
 *
 * <p>It runs only when nobody has the database open: H2's {@code .lock.db} file is absent (it exists
 * while any process has the database open, and after a crash until the next open clears it) and
 * the file's own lock is free. It holds that lock until the rename, so a process that tries to
 * open the database meanwhile is refused ("file is locked") and retries, instead of writing into
 * the file being replaced.
 */
public final class DatabaseCompaction
{
    /** Smaller files are never compacted: the space it could free is not worth the time. */
    public static final long MIN_BYTES = 16L << 20;
    static final String SIDECAR_SUFFIX = ".compacted-size";
    /** A compaction writes its copy continuously; one unwritten for this long was abandoned. */
    private static final Duration STALE_COPY = Duration.ofSeconds(30);

    private final Path directory;
    private final String databaseName;
    private final long minBytes;

    /** What a compaction did: the file's size before and after, and how long it took. */
    public record Compacted(long bytesBefore, long bytesAfter, long millis) {}

    public DatabaseCompaction(Path directory, String databaseName)
    {
        this(directory, databaseName, MIN_BYTES);
    }

    DatabaseCompaction(Path directory, String databaseName, long minBytes)
    {
        this.directory = requireNonNull(directory, "directory is null");
        this.databaseName = requireNonNull(databaseName, "databaseName is null");
        this.minBytes = minBytes;
    }

    public Path file()
    {
        return directory.resolve(databaseName + ".mv.db");
    }

    /**
     * Compacts the file if it has grown and nobody has it open; otherwise does nothing. Never
     * throws: a compaction that fails leaves the file as it was and is tried again next time.
     */
    public Optional<Compacted> compactIfGrown()
    {
        try {
            if (!grown()) {
                return Optional.empty();
            }
            return compact();
        }
        catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the file is large enough and at least twice its size after the last compaction. */
    boolean grown()
            throws IOException
    {
        Path file = file();
        if (!Files.exists(file) || Files.exists(directory.resolve(databaseName + ".lock.db"))) {
            return false;
        }
        long size = Files.size(file);
        OptionalLong last = lastCompactedSize();
        return size >= minBytes && (last.isEmpty() || size >= 2 * last.getAsLong());
    }

    /** Compacts the file now if nobody has it open, whatever its size. */
    Optional<Compacted> compact()
            throws IOException
    {
        long started = System.nanoTime();
        Path file = file();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            }
            catch (OverlappingFileLockException e) {
                // open in this very process after all
                return Optional.empty();
            }
            if (lock == null || Files.exists(directory.resolve(databaseName + ".lock.db"))) {
                return Optional.empty();
            }
            // only the holder of the file's lock touches the copy: another process's compaction
            // can never rename a copy of ours, nor we one of its
            return Optional.of(compactLocked(channel, started));
        }
    }

    private Compacted compactLocked(FileChannel channel, long started)
            throws IOException
    {
        Path file = file();
        Path copy = copy();
        deleteQuietly(copy);
        deleteQuietly(Path.of(copy + ".tempFile"));
        boolean renamed = false;
        try (FileChannel target = FileChannel.open(copy, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long before = channel.size();
            // copied through the locked channel: opening the file again and closing it would drop the lock
            long position = 0;
            while (position < before) {
                position += channel.transferTo(position, before - position, target);
            }
            target.force(true);
            MVStoreTool.compact(copy.toString(), false);
            try (FileChannel written = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            long after = Files.size(copy);
            Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            renamed = true;
            Files.writeString(sidecar(), Long.toString(after), StandardCharsets.UTF_8);
            return new Compacted(before, after, (System.nanoTime() - started) / 1_000_000);
        }
        finally {
            // once renamed, the path may already be the copy of a compaction of the new file
            if (!renamed) {
                deleteQuietly(copy);
            }
        }
    }

    /**
     * Whether a process is compacting the file now: its copy exists and it (or H2's temporary file
     * beside it) was written within the last {@link #STALE_COPY}; a copy left by a process that died
     * compacting goes stale and is deleted by the next compaction.
     */
    public boolean inProgress()
    {
        Instant now = Instant.now();
        return Files.exists(copy()) && (recentlyWritten(copy(), now) || recentlyWritten(Path.of(copy() + ".tempFile"), now));
    }

    private static boolean recentlyWritten(Path path, Instant now)
    {
        try {
            return Files.getLastModifiedTime(path).toInstant().isAfter(now.minus(STALE_COPY));
        }
        catch (IOException e) {
            return false;
        }
    }

    private OptionalLong lastCompactedSize()
    {
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(sidecar(), StandardCharsets.UTF_8).strip()));
        }
        catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private Path sidecar()
    {
        return directory.resolve(databaseName + SIDECAR_SUFFIX);
    }

    private Path copy()
    {
        // not "<name>.*": H2's BACKUP TO zips every file whose name starts so
        return directory.resolve("compacting-" + databaseName + ".mv.db");
    }

    private static void deleteQuietly(Path path)
    {
        try {
            Files.deleteIfExists(path);
        }
        catch (IOException ignored) {
            // a leftover copy is deleted by the next compaction
        }
    }
}
