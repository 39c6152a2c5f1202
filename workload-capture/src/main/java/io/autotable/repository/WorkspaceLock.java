package io.autotable.repository;

import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * An exclusive lock on a workspace, held by a command that rewrites the embedded warehouse
 * ({@code init}, {@code load}, {@code apply}) so that two of them never rewrite the same tables at
 * once. Readers do not need it: the H2 databases serve concurrent readers themselves.
 *
 * <p>The operating system releases the lock when the process dies, so a crash never leaves a
 * workspace locked. The lock file's text says who holds it, for the error message.
 */
public final class WorkspaceLock
        implements AutoCloseable
{
    // POSIX record locks belong to the process, and closing ANY descriptor of the file drops them
    // all: a second attempt from this JVM must never open the file, or its close would silently
    // release the first holder's lock. This set mirrors that process-wide state, so it is the one
    // piece of static mutable state autotable needs.
    private static final Set<Path> HELD_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private WorkspaceLock(Path path, FileChannel channel, FileLock lock)
    {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param purpose what the holder does, e.g. {@code init --benchmark tpch --scale 1}
     * @throws CaptureException with {@link ErrorCode#WORKSPACE_LOCKED} when another process holds it
     */
    public static WorkspaceLock acquire(Workspace workspace, String purpose)
    {
        requireNonNull(purpose, "purpose is null");
        workspace.createIfMissing();
        Path path = workspace.lockFile();
        if (!HELD_IN_THIS_PROCESS.add(path)) {
            throw locked(workspace, "pid %d, this very process".formatted(ProcessHandle.current().pid()));
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = readHolder(channel);
                channel.close();
                HELD_IN_THIS_PROCESS.remove(path);
                throw locked(workspace, holder.isBlank() ? "unknown" : holder);
            }
            String holder = "pid %d, '%s', since %s".formatted(ProcessHandle.current().pid(), purpose, Instant.now());
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new WorkspaceLock(path, channel, lock);
        }
        catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            HELD_IN_THIS_PROCESS.remove(path);
            if (e instanceof CaptureException captureException) {
                throw captureException;
            }
            throw new CaptureException(ErrorCode.WORKSPACE_NOT_WRITABLE,
                    "cannot lock workspace %s: %s".formatted(workspace.directory(), e.getMessage()), e);
        }
    }

    private static CaptureException locked(Workspace workspace, String holder)
    {
        return new CaptureException(ErrorCode.WORKSPACE_LOCKED,
                "workspace %s is being changed by another autotable process (%s): wait for it to finish, or use another --workspace"
                        .formatted(workspace.directory(), holder));
    }

    private static String readHolder(FileChannel channel)
            throws IOException
    {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        int read = channel.read(buffer, 0);
        return read <= 0 ? "" : new String(buffer.array(), 0, read, StandardCharsets.UTF_8).strip();
    }

    private static void closeQuietly(FileChannel channel)
    {
        if (channel != null) {
            try {
                channel.close();
            }
            catch (IOException ignored) {
                // the lock is released with the channel either way
            }
        }
    }

    @Override
    public void close()
    {
        try {
            lock.release();
        }
        catch (IOException ignored) {
            // released when the channel closes
        }
        closeQuietly(channel);
        HELD_IN_THIS_PROCESS.remove(path);
    }
}
