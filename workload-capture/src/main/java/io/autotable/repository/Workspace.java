package io.autotable.repository;

import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import static java.util.Objects.requireNonNull;

/**
 * The directory that holds everything autotable learns or does for one warehouse: the workload
 * repository, the embedded warehouse's data, reports and the workspace lock.
 */
public record Workspace(Path directory)
{
    public static final String DEFAULT_DIRECTORY = "autotable-workspace";
    /** The repository's H2 database name: the file is {@code autotable.mv.db}. */
    public static final String REPOSITORY_NAME = "autotable";
    /** The embedded warehouse's H2 database name: the file is {@code warehouse.mv.db}. */
    public static final String WAREHOUSE_NAME = "warehouse";
    /** How long opening a database waits for another process's compaction of it. */
    private static final Duration COMPACTION_WAIT = Duration.ofMinutes(5);
    private static final Duration COMPACTION_START = Duration.ofSeconds(1);

    public Workspace
    {
        directory = requireNonNull(directory, "directory is null").toAbsolutePath().normalize();
    }

    /**
     * Creates the directory when it does not exist and checks that autotable can write in it.
     *
     * @throws CaptureException with {@link ErrorCode#WORKSPACE_NOT_WRITABLE} naming the directory
     */
    public Workspace createIfMissing()
    {
        try {
            if (Files.exists(directory) && !Files.isDirectory(directory)) {
                throw notWritable("it is a file, not a directory");
            }
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".write-check", ".tmp");
            Files.delete(probe);
        }
        catch (IOException | SecurityException e) {
            throw notWritable(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return this;
    }

    /**
     * Checks that the workspace has a repository, for commands that only read one.
     *
     * @throws CaptureException with {@link ErrorCode#WORKSPACE_NOT_INITIALIZED}
     */
    public Workspace requireExisting()
    {
        if (!Files.exists(repositoryFile())) {
            throw new CaptureException(ErrorCode.WORKSPACE_NOT_INITIALIZED,
                    "no autotable workspace at %s: run 'autotable init --benchmark tpch --scale 0.01 --workspace %s' or 'autotable catalog import FILE' first"
                            .formatted(directory, directory));
        }
        return this;
    }

    public Path repositoryFile()
    {
        return directory.resolve(REPOSITORY_NAME + ".mv.db");
    }

    public Path warehouseFile()
    {
        return directory.resolve(WAREHOUSE_NAME + ".mv.db");
    }

    public Path lockFile()
    {
        return directory.resolve("workspace.lock");
    }

    public Path reportsDirectory()
    {
        return directory.resolve("reports");
    }

    /**
     * The JDBC URL of one of the workspace's H2 databases. AUTO_SERVER lets a second process (the
     * daemon and a command) open the same file: the first opener serves it to the others over
     * loopback, so they never write the file concurrently. A 128 MB page cache keeps index pages
     * of a log of millions of events in memory while it is appended. REUSE_SPACE=FALSE makes H2
     * append to the file and never overwrite a chunk, so that a process killed with SIGKILL leaves
     * a file H2 can reopen; {@link #compactIfGrown} shrinks it again. (H2 closes the database in
     * its own shutdown hook, which auto-server mode requires; writers treat a write that fails
     * after they were asked to stop as the stop it is.)
     */
    public String jdbcUrl(String databaseName)
    {
        return "jdbc:h2:file:" + directory.resolve(databaseName) + ";AUTO_SERVER=TRUE;CACHE_SIZE=131072;REUSE_SPACE=FALSE";
    }

    /** {@link #connect(String, String, Properties)} as autotable's own user. */
    public Connection connect(String databaseName, String url)
            throws SQLException
    {
        Properties credentials = new Properties();
        credentials.setProperty("user", "sa");
        credentials.setProperty("password", "");
        return connect(databaseName, url, credentials);
    }

    /**
     * Opens a connection to {@code url}, one of {@link #jdbcUrl}'s (perhaps with more settings),
     * waiting while another process compacts that database (it holds the file for seconds to a
     * minute, see {@link DatabaseCompaction}). When H2 cannot read the file and a backup taken
     * before a change exists ({@link DatabaseBackup}), the backup replaces the file, which is kept
     * beside it, and the open is retried.
     *
     * @throws CaptureException with {@link ErrorCode#DATABASE_CORRUPT} when H2 cannot read the file
     *         and there is no backup to restore
     */
    public Connection connect(String databaseName, String url, Properties properties)
            throws SQLException
    {
        DatabaseCompaction compaction = new DatabaseCompaction(directory, databaseName);
        DatabaseBackup backup = new DatabaseBackup(directory, databaseName);
        boolean restored = false;
        long started = System.nanoTime();
        long deadline = started + COMPACTION_WAIT.toNanos();
        while (true) {
            try {
                return DriverManager.getConnection(url, properties);
            }
            catch (SQLException e) {
                if (DatabaseBackup.isCorruption(e)) {
                    if (restored) {
                        throw corrupt(databaseName, e, "not even after its backup from before a change was restored");
                    }
                    restored = true;
                    Optional<Connection> opened = openOrRestore(backup, databaseName, url, properties, e);
                    if (opened.isPresent()) {
                        return opened.get();
                    }
                    continue;
                }
                // a compaction locks the file a moment before its copy shows: any failure is retried for a second
                boolean compacting = compaction.inProgress() || System.nanoTime() - started < COMPACTION_START.toNanos();
                if (!compacting || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /**
     * Under the restore lock: opens the database if another process restored it meanwhile, else
     * restores the backup (empty: open it again).
     */
    private Optional<Connection> openOrRestore(DatabaseBackup backup, String databaseName, String url, Properties properties, SQLException failure)
            throws SQLException
    {
        try (Closeable lock = backup.lockForRestore()) {
            try {
                return Optional.of(DriverManager.getConnection(url, properties));
            }
            catch (SQLException again) {
                if (!DatabaseBackup.isCorruption(again)) {
                    throw again;
                }
                if (!backup.restore(again)) {
                    throw corrupt(databaseName, again, "and there is no backup from before a change to restore");
                }
                return Optional.empty();
            }
        }
        catch (IOException e) {
            failure.addSuppressed(e);
            throw corrupt(databaseName, failure, "and its backup from before a change could not be restored: " + e.getMessage());
        }
    }

    private CaptureException corrupt(String databaseName, SQLException failure, String why)
    {
        String message = String.valueOf(failure.getMessage()).lines().findFirst().orElse("");
        return new CaptureException(ErrorCode.DATABASE_CORRUPT,
                ("H2 cannot read %s (%s) %s: restore the workspace from your own backup "
                        + "(H2's MVStoreTool can try to recover older versions of the file)").formatted(directory.resolve(databaseName + ".mv.db"), message, why),
                failure);
    }

    /**
     * Compacts one of the workspace's databases if its file has grown and no process has it open
     * (see {@link DatabaseCompaction}); the databases' {@code close()} call it.
     */
    public Optional<DatabaseCompaction.Compacted> compactIfGrown(String databaseName)
    {
        return new DatabaseCompaction(directory, databaseName).compactIfGrown();
    }

    private CaptureException notWritable(String reason)
    {
        return new CaptureException(ErrorCode.WORKSPACE_NOT_WRITABLE,
                "cannot write to workspace %s (%s): choose another directory with --workspace".formatted(directory, reason));
    }
}
