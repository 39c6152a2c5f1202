package io.autotable.repository;

import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.workload.QueryEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestWorkspaceConcurrency
{
    @TempDir
    Path directory;

    private static Process startChild(String... args)
            throws IOException
    {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TestingWorkspaceProcess.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String finish(Process process)
            throws Exception
    {
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("child process finished").isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void twoProcessesAppendToOneWorkspaceWithoutLosingEvents()
            throws Exception
    {
        Workspace workspace = new Workspace(directory);
        try (WorkloadRepository repository = WorkloadRepository.open(workspace)) {
            Process child = startChild("append", directory.toString(), "child", "3000");
            for (int batch = 0; batch < 3000; batch += 100) {
                List<QueryEvent> events = new ArrayList<>();
                for (int i = batch; i < batch + 100; i++) {
                    events.add(QueryEvent.succeeded("parent", Integer.toString(i), "parent", Instant.ofEpochSecond(i), 1, 1, "select " + i, "fp"));
                }
                repository.appendEvents(events);
            }
            String output = finish(child);

            assertThat(child.exitValue()).as(output).isZero();
            assertThat(repository.eventCount()).isEqualTo(6000);
        }
        try (WorkloadRepository reopened = WorkloadRepository.openExisting(workspace)) {
            assertThat(reopened.eventCount()).isEqualTo(6000);
        }
    }

    @Test
    void aSecondWriterProcessIsToldWhoHoldsTheLock()
            throws Exception
    {
        Workspace workspace = new Workspace(directory);
        try (WorkspaceLock ignored = WorkspaceLock.acquire(workspace, "init --benchmark tpch")) {
            Process child = startChild("lock", directory.toString());
            String output = finish(child);

            assertThat(child.exitValue()).as(output).isEqualTo(3);
            assertThat(output)
                    .contains("WORKSPACE_LOCKED")
                    .contains("pid " + ProcessHandle.current().pid())
                    .contains("init --benchmark tpch");
        }
        Process child = startChild("lock", directory.toString());
        String output = finish(child);
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("acquired");
    }

    @Test
    void theLockIsExclusiveWithinOneProcessToo()
            throws Exception
    {
        Workspace workspace = new Workspace(directory);
        try (WorkspaceLock ignored = WorkspaceLock.acquire(workspace, "first")) {
            assertThatThrownBy(() -> WorkspaceLock.acquire(workspace, "second"))
                    .isInstanceOf(CaptureException.class)
                    .extracting(e -> ((CaptureException) e).errorCode()).isEqualTo(ErrorCode.WORKSPACE_LOCKED);

            // the failed attempt must not have released the holder's lock at the operating-system level
            Process child = startChild("lock", directory.toString());
            String output = finish(child);
            assertThat(child.exitValue()).as(output).isEqualTo(3);
        }
        WorkspaceLock.acquire(workspace, "third").close();
    }
}
