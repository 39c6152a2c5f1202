package io.autotable.repository;

import io.autotable.error.CaptureException;
import io.autotable.workload.QueryEvent;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A second process on a workspace, for tests of what two processes may do at once. Run as
 * {@code java -cp <test classpath> io.autotable.repository.TestingWorkspaceProcess COMMAND DIR ...}.
 */
public final class TestingWorkspaceProcess
{
    private TestingWorkspaceProcess() {}

    public static void main(String[] args)
    {
        Workspace workspace = new Workspace(Path.of(args[1]));
        switch (args[0]) {
            case "append" -> {
                String source = args[2];
                int count = Integer.parseInt(args[3]);
                try (WorkloadRepository repository = WorkloadRepository.open(workspace)) {
                    for (int batch = 0; batch < count; batch += 100) {
                        List<QueryEvent> events = new ArrayList<>();
                        for (int i = batch; i < Math.min(count, batch + 100); i++) {
                            events.add(QueryEvent.succeeded(source, Integer.toString(i), "child", Instant.ofEpochSecond(i), 1, 1, "select " + i, "fp"));
                        }
                        repository.appendEvents(events);
                    }
                }
            }
            case "lock" -> {
                try (WorkspaceLock ignored = WorkspaceLock.acquire(workspace, "child test")) {
                    System.out.println("acquired");
                }
                catch (CaptureException e) {
                    System.out.println(e.errorCode() + ": " + e.getMessage());
                    System.exit(3);
                }
            }
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }
}
