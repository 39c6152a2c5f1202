package io.autotable.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotable.json.Json;
import io.autotable.testing.BenchmarkFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TestAdviseSortKeys
{
    private static final int ROWS = 400_000;

    @TempDir
    static Path directory;

    private static Path loaded;
    private static Path tpch;

    /**
     * A table loaded from CSV, as a user's would be: ids scattered over the load order, a wide note,
     * and a workload that mostly reads the notes of a range of ids.
     */
    @BeforeAll
    static void workspaces()
            throws Exception
    {
        loaded = directory.resolve("loaded");
        Path csv = directory.resolve("events.csv");
        SplittableRandom random = new SplittableRandom(17);
        long[] ids = new long[ROWS];
        for (int i = 0; i < ROWS; i++) {
            ids[i] = i;
        }
        for (int i = ROWS - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = ids[i];
            ids[i] = ids[j];
            ids[j] = swap;
        }
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("id,day,k,note\n");
            StringBuilder note = new StringBuilder();
            for (int i = 0; i < ROWS; i++) {
                note.setLength(0);
                int length = random.nextInt(60, 101);
                for (int b = 0; b < length; b++) {
                    note.append((char) ('a' + random.nextInt(26)));
                }
                // ids above 2^31 make the column BIGINT: 8 bytes, 4 blocks on one slice
                out.write((3_000_000_000L + ids[i]) + "," + LocalDate.of(2024, 1, 1).plusDays(random.nextInt(1000)) + "," + random.nextInt(20) + "," + note + "\n");
            }
        }
        succeeds("load", "events", csv.toString(), "--no-progress", "--workspace", loaded.toString());
        StringBuilder queries = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            long from = 3_000_000_000L + random.nextInt(ROWS - 40_000);
            queries.append("SELECT max(note) FROM events WHERE id BETWEEN %d AND %d;\n".formatted(from, from + 39_999));
        }
        for (int i = 0; i < 5; i++) {
            queries.append("SELECT max(note) FROM events WHERE k = %d;\n".formatted(random.nextInt(20)));
        }
        succeeds("import", "sql", Files.writeString(directory.resolve("events.sql"), queries).toString(), "--workspace", loaded.toString());

        tpch = directory.resolve("tpch");
        succeeds("init", "--benchmark", "tpch", "--no-progress", "--workspace", tpch.toString());
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(BenchmarkFiles.root().resolve("tpch/queries"))) {
            for (Path file : files.sorted().toList()) {
                all.append(Files.readString(file).strip()).append(";\n");
            }
        }
        succeeds("import", "sql", Files.writeString(directory.resolve("tpch.sql"), all).toString(), "--workspace", tpch.toString());
    }

    @Test
    void aLoadedTableGetsTheKeyItsFiltersNeedVerifiedOnTheWholeWorkload()
            throws Exception
    {
        // one slice holds every row, so that 400,000 rows make enough blocks for zone maps to skip
        TestingCli.Run run = succeeds("advise", "--only", "sortkeys", "--format", "json", "--nodes", "1", "--slices-per-node", "1", "--workspace", loaded.toString());

        JsonNode report = Json.mapper().readTree(run.out());
        assertThat(report.has("provenance")).isTrue();
        JsonNode sortkeys = report.get("sortkeys");
        assertThat(sortkeys.get("ranker").asText()).isEqualTo("learned");
        assertThat(sortkeys.get("verifyTop").asInt()).isEqualTo(3);
        assertThat(sortkeys.get("slices").asInt()).isEqualTo(1);
        assertThat(sortkeys.get("changes").asInt()).isEqualTo(1);
        JsonNode events = sortkeys.get("tables").get(0);
        assertThat(events.get("table").asText()).isEqualTo("events");
        assertThat(events.get("current").get("style").asText()).isEqualTo("NONE");
        assertThat(events.get("recommended").get("style").asText()).isEqualTo("COMPOUND");
        assertThat(events.get("recommended").get("columns").get(0).asText()).isEqualTo("id");
        assertThat(events.get("changes").asBoolean()).isTrue();
        assertThat(events.get("reason").asText()).contains("range on id");
        assertThat(events.get("runs").asLong()).isEqualTo(35);
        assertThat(events.get("recommendedSeconds").asDouble()).isLessThan(events.get("currentSeconds").asDouble());
        List<String> verified = new ArrayList<>();
        for (JsonNode candidate : events.get("candidates")) {
            if (candidate.get("verified").asBoolean()) {
                verified.add(candidate.get("key").get("style").asText() + candidate.get("key").get("columns"));
                assertThat(candidate.get("simulatedSeconds").asDouble()).isPositive();
            }
            else {
                assertThat(candidate.has("simulatedSeconds")).isFalse();
            }
        }
        // the three best ranked and no sort key (also the current key)
        assertThat(verified).hasSize(4).contains("NONE[]");
        JsonNode workload = sortkeys.get("workload");
        assertThat(workload.get("recommendedSeconds").asDouble()).isLessThan(workload.get("currentSeconds").asDouble());
    }

    @Test
    void everyBenchmarkTableIsAdvisedAndTheTextSaysWhy()
    {
        TestingCli.Run run = succeeds("advise", "--only", "sortkeys", "--workspace", tpch.toString());

        assertThat(run.out()).contains("Sort keys (learned ranker", "lineitem", "orders", "why: ", "candidates simulated per table");
        // TPC-H at scale 0.01 is one block per column per slice on the default cluster: no zone map can skip anything
        assertThat(run.out()).contains("0 of 8 tables change");
    }

    @Test
    void theBlockSkipRankerAndFewerVerificationsAreOptions()
            throws Exception
    {
        TestingCli.Run run = succeeds("advise", "--only", "sortkeys", "--format", "json", "--sortkey-ranker", "block-skip", "--verify-top", "1",
                "--nodes", "1", "--slices-per-node", "1", "--workspace", loaded.toString());

        JsonNode sortkeys = Json.mapper().readTree(run.out()).get("sortkeys");
        assertThat(sortkeys.get("ranker").asText()).isEqualTo("block-skip");
        assertThat(sortkeys.get("tables").get(0).get("recommended").get("columns").get(0).asText()).isEqualTo("id");
    }

    private static TestingCli.Run succeeds(String... args)
    {
        TestingCli.Run run = TestingCli.run(args);
        assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isZero();
        return run;
    }
}
