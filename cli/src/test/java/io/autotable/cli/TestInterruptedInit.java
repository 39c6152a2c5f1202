package io.autotable.cli;

import io.autotable.repository.CatalogEntry;
import io.autotable.repository.TableState;
import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TestInterruptedInit
{
    @TempDir
    Path directory;

    @Test
    void aTerminatedInitLeavesTheWorkspaceOpenableAndTheTableInLoadMarkedIncomplete()
            throws Exception
    {
        Path workspace = directory.resolve("w");
        Process init = new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx1g", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "init", "--benchmark", "tpch", "--scale", "0.2", "--no-progress", "--workspace", workspace.toString())
                .redirectErrorStream(true)
                .start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(init.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
                if (line.strip().startsWith("orders")) {
                    // lineitem, the biggest table, is loading now: stop the process as a user or a scheduler would
                    init.toHandle().destroy();
                }
            }
        }
        assertThat(init.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("orders");
        assertThat(init.exitValue()).as(output.toString()).isNotZero();

        try (WorkloadRepository repository = WorkloadRepository.openExisting(new Workspace(workspace))) {
            List<CatalogEntry> entries = repository.catalogEntries();
            // stopped mid-load (an incomplete entry), or just before lineitem's load began (none): never a complete lineitem
            assertThat(entries).filteredOn(entry -> entry.table().name().equals("lineitem"))
                    .extracting(CatalogEntry::state).doesNotContain(TableState.COMPLETE);
            assertThat(entries).filteredOn(entry -> entry.table().name().equals("orders"))
                    .singleElement().extracting(CatalogEntry::state).isEqualTo(TableState.COMPLETE);
            assertThat(repository.catalog().findTable("lineitem")).isEmpty();
        }

        // and the next init repairs it
        TestingCli.Run again = TestingCli.run("init", "--benchmark", "tpch", "--scale", "0.01", "--no-progress", "--workspace", workspace.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        try (WorkloadRepository repository = WorkloadRepository.openExisting(new Workspace(workspace))) {
            assertThat(repository.catalogEntries()).extracting(CatalogEntry::state).containsOnly(TableState.COMPLETE);
            assertThat(repository.catalog().table("lineitem").rows()).isEqualTo(60_175);
        }
    }
}
