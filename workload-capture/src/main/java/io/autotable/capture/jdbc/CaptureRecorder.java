package io.autotable.capture.jdbc;

import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import io.autotable.sql.Fingerprinter;
import io.autotable.workload.QueryEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

import static java.util.Objects.requireNonNull;

/**
 * Stores the statements the capture driver sees in one workspace, without ever slowing down or
 * failing the application: {@link #record} only offers to a bounded queue (a full queue drops the
 * statement and counts it), and one daemon thread fingerprints and appends the queued statements
 * to the workspace's repository in batches. A repository that cannot be opened or written is
 * logged once (java.util.logging, WARNING) and its statements counted as failed; the next batch
 * tries again.
 *
 * <p>Events get source {@value #SOURCE} and id {@code <recorder uuid>-<sequence>}, unique across
 * processes. The repository is opened on the first batch and released when the last connection
 * closes, after a flush, so a short program loses nothing and other processes can open the
 * workspace directly; a shutdown hook flushes what is left (with a timeout) for programs that
 * never close their connections.
 */
public final class CaptureRecorder
{
    public static final String SOURCE = "capture";
    public static final int DEFAULT_QUEUE_CAPACITY = 65_536;
    public static final Duration CLOSE_FLUSH_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration SHUTDOWN_FLUSH_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = Logger.getLogger(CaptureRecorder.class.getName());
    private static final int BATCH_SIZE = WorkloadRepository.EVENT_BATCH_SIZE;

    /**
     * What a recorder did so far.
     *
     * @param recorded statements stored in the repository (a statement the repository already held counts too)
     * @param dropped statements not queued because the queue was full
     * @param failed statements queued but lost because the repository could not be written
     */
    public record Stats(long recorded, long dropped, long failed)
    {
        public long total()
        {
            return recorded + dropped + failed;
        }
    }

    private final Workspace workspace;
    private final Fingerprinter fingerprinter;
    private final BlockingQueue<Execution> queue;
    private final String idPrefix = UUID.randomUUID() + "-";
    private final Object repositoryLock = new Object();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final AtomicBoolean warned = new AtomicBoolean();
    private final Thread drainer;
    private WorkloadRepository repository;

    public CaptureRecorder(Workspace workspace, Fingerprinter fingerprinter, int queueCapacity)
    {
        this.workspace = requireNonNull(workspace, "workspace is null");
        this.fingerprinter = requireNonNull(fingerprinter, "fingerprinter is null");
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.drainer = new Thread(this::drain, "autotable-capture " + workspace.directory());
        drainer.setDaemon(true);
        drainer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            flush(SHUTDOWN_FLUSH_TIMEOUT);
            releaseRepository();
        }, "autotable-capture-shutdown"));
    }

    public Workspace workspace()
    {
        return workspace;
    }

    public Stats stats()
    {
        return new Stats(recorded.get(), dropped.get(), failed.get());
    }

    /** Queues a statement; never blocks and never throws. */
    void record(Execution execution)
    {
        if (queue.offer(execution)) {
            submitted.incrementAndGet();
        }
        else {
            dropped.incrementAndGet();
        }
    }

    void connectionOpened()
    {
        openConnections.incrementAndGet();
    }

    /** The last connection's close flushes and releases the repository. */
    void connectionClosed()
    {
        if (openConnections.decrementAndGet() == 0) {
            flush(CLOSE_FLUSH_TIMEOUT);
            releaseRepository();
        }
    }

    /**
     * Waits until every statement queued before the call is stored or counted as failed.
     *
     * @return false when the timeout passed first
     */
    public boolean flush(Duration timeout)
    {
        long target = submitted.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (processed.get() < target) {
            if (System.nanoTime() - deadline > 0 || !drainer.isAlive()) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return true;
    }

    private void drain()
    {
        List<Execution> batch = new ArrayList<>(BATCH_SIZE);
        while (true) {
            try {
                batch.add(queue.take());
            }
            catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, BATCH_SIZE - 1);
            try {
                write(batch);
            }
            catch (Throwable e) {
                // the recorder thread must outlive anything a batch does
                fail(batch.size(), e);
            }
            processed.addAndGet(batch.size());
            batch.clear();
        }
    }

    private void write(List<Execution> batch)
    {
        List<QueryEvent> events = new ArrayList<>(batch.size());
        for (Execution execution : batch) {
            events.add(toEvent(execution));
        }
        synchronized (repositoryLock) {
            try {
                if (repository == null) {
                    repository = WorkloadRepository.open(workspace);
                }
                repository.appendEvents(events);
                recorded.addAndGet(batch.size());
            }
            catch (RuntimeException e) {
                closeRepositoryQuietly();
                fail(batch.size(), e);
            }
        }
    }

    private QueryEvent toEvent(Execution execution)
    {
        String id = idPrefix + sequence.incrementAndGet();
        long micros = TimeUnit.NANOSECONDS.toMicros(execution.durationNanos());
        String fingerprint = fingerprinter.fingerprint(execution.sql());
        if (execution.error().isPresent()) {
            return QueryEvent.failed(SOURCE, id, execution.user(), execution.start(), micros, execution.sql(), fingerprint, execution.error().get());
        }
        return QueryEvent.succeeded(SOURCE, id, execution.user(), execution.start(), micros, execution.rows(), execution.sql(), fingerprint);
    }

    private void fail(int count, Throwable e)
    {
        failed.addAndGet(count);
        if (warned.compareAndSet(false, true)) {
            LOG.log(Level.WARNING, "autotable capture cannot record statements in workspace %s (%s); the application is not affected, and further failures are only counted"
                    .formatted(workspace.directory(), e.getMessage()), e);
        }
    }

    private void releaseRepository()
    {
        synchronized (repositoryLock) {
            closeRepositoryQuietly();
        }
    }

    private void closeRepositoryQuietly()
    {
        if (repository != null) {
            try {
                repository.close();
            }
            catch (RuntimeException ignored) {
                // the repository is dropped either way; the next batch opens it again
            }
            repository = null;
        }
    }
}
