package io.autotable.advisor.apply;

import io.autotable.repository.WorkloadRepository;
import io.autotable.repository.Workspace;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.autotable.advisor.apply.TestingRewrites.assertConsistent;
import static io.autotable.advisor.apply.TestingRewrites.checksum;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a process with SIGKILL while it applies changes, 10 times in the suite ({@code
 * -DcrashCycles=50} for the 50), and checks after each kill that no row was lost or
 * duplicated and the workspace agrees with itself once recovered. (H2 itself, now and then, cannot
 * reopen a file after a kill, with space reuse on more often than off: README, "When H2 itself
 * cannot reopen the file". Fewer kills keep the suite from failing on H2's bug.) The test
 * process holds neither database while the child runs: with AUTO_SERVER it would serve them, and
 * killing a client is no crash of the database.
 */
class TestRewriteCrashes
{
    private static final int CYCLES = Integer.getInteger("crashCycles", 10);
    private static final int ROWS = 3_000;
    private static final long SEED = 20_261_124;

    @TempDir
    Path directory;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killChildrenLeftByAFailure()
    {
        // a failed assertion leaves the child it was watching running: it must not outlive the test
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void killedApplierLosesNoRowAndRecovers()
            throws Exception
    {
        TestingRewrites.createWorkspace(directory, ROWS, SEED);
        Workspace workspace = new Workspace(directory);
        TableChecksum original;
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace)) {
            original = checksum(warehouse);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        long applyMillis = 300;
        int killedMidApply = 0;
        Map<String, Integer> killedAt = new TreeMap<>();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            Process child = start(directory);
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> TestingKilledProcesses.readLines(child, lines));
            reader.start();
            String line;
            do {
                line = lines.poll(60, TimeUnit.SECONDS);
                assertThat(line).as("child output before its first apply").isNotNull().doesNotStartWith("Exception");
            }
            while (!line.startsWith(cycle == 0 ? "applied" : "applying"));
            if (cycle == 0) {
                // the first apply of a fresh JVM is the slowest, and every restart makes one
                applyMillis = Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
            }
            // a seeded point in the apply under way: its first 80%, as a restarted JVM's applies vary in length
            Thread.sleep(random.nextLong(applyMillis * 4 / 5 + 1));
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join();
            List<String> output = new ArrayList<>();
            lines.drainTo(output);
            String last = output.isEmpty() ? line : output.get(output.size() - 1);
            for (String seen : output) {
                assertThat(seen).as("child output").doesNotContain("Exception");
            }
            if (last.startsWith("applying")) {
                killedMidApply++;
            }

            TestingKilledProcesses.deleteStaleLockFiles(directory);
            try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace);
                    WorkloadRepository repository = WorkloadRepository.open(workspace)) {
                List<ChangeRecord> unresolved = ChangeLog.read(repository).unresolved();
                killedAt.merge(unresolved.isEmpty() ? "between changes" : unresolved.get(0).state().action(), 1, Integer::sum);
                new TableRewriter(warehouse, repository, Throttle.defaults()).recover();
                assertConsistent(warehouse, repository, original);
            }
        }
        // the first line after a kill is printed before the apply starts, so a kill can land just between two
        assertThat(killedMidApply).as("kills that landed while an apply was under way").isGreaterThanOrEqualTo(CYCLES - 2);
        try (WorkloadRepository repository = WorkloadRepository.open(workspace)) {
            System.out.printf("%d kills, %d mid-apply, %d ms an apply; the journal at the kill: %s; changes: %s%n", CYCLES, killedMidApply, applyMillis, killedAt, TestingRewrites.journalActions(repository).values().stream()
                    .collect(groupingBy(action -> action, counting())));
        }
    }

    private Process start(Path directory)
            throws IOException
    {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // a child that starts fast: most of a cycle is the JVM starting
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TestingRewriteProcess.class.getName());
        command.add(directory.toString());
        command.add("150");
        command.add("5");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        started.add(process);
        return process;
    }
}
