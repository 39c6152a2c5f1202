package io.autotable.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotable.json.Json;
import io.autotable.simulator.wlm.WlmConfigurationFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code workload generate --mix bursty-dashboards}, {@code train runtimes} and {@code advise --only wlm}, end to end on one seeded workspace. */
class TestWlmCommands
{
    @TempDir
    static Path directory;

    private static String workspace;

    @BeforeAll
    static void generate()
    {
        workspace = directory.resolve("bursty").toString();
        TestingCli.Run generate = TestingCli.run("workload", "generate", "--mix", "bursty-dashboards", "--days", "3", "--runs-per-day", "600", "--seed", "7",
                "--workspace", workspace);
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.out()).contains("(3 days x 600 queries, seed 7, mix bursty-dashboards)");
    }

    @Test
    void trainsTheRuntimeModelIntoTheWorkspaceAndScoresItOnTheLaterWindow()
            throws Exception
    {
        TestingCli.Run train = TestingCli.run("train", "runtimes", "--seed", "3", "--trees", "10", "--holdout-fraction", "0.4", "--cutoff", "4",
                "--output", Files.createDirectories(directory.resolve("model")).toString(), "--workspace", workspace);
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.out()).contains("train runtimes: seed 3, 10 trees").contains("learned, held out (later)").contains("short/long@4s");
        JsonNode card = Json.mapper().readTree(directory.resolve("model/runtime-model.json").toFile());
        assertThat(card.get("heldOut").get("runs").asInt()).isPositive().isEqualTo(card.get("heldOutRuns").asInt());
        assertThat(card.get("heldOut").get("cutoffSeconds").asDouble()).isEqualTo(4);
        assertThat(card.get("trainedUntil").asText()).isGreaterThan(card.get("trainedFrom").asText());
        assertThat(directory.resolve("model/runtime-model.tribuo.gz")).isNotEmptyFile();
    }

    @Test
    void recommendsAConfigurationBeatingTheCurrentAndTheComparedOnShortQueries()
            throws Exception
    {
        Path handMade = directory.resolve("two-queues.json");
        Files.writeString(handMade, """
                {"queues": [{"name": "reports", "slots": 2, "memoryPercent": 60, "userGroups": ["report"]}, {"name": "default", "slots": 3, "memoryPercent": 40}]}
                """);
        TestingCli.Run advise = TestingCli.run("advise", "--only", "wlm", "--format", "json", "--compare-wlm", handMade.toString(), "--workspace", workspace);
        assertThat(advise.exitCode()).as(advise.err()).isZero();
        JsonNode wlm = Json.mapper().readTree(advise.out()).get("wlm");
        assertThat(wlm.get("predictor").asText()).startsWith("learned");
        assertThat(wlm.get("runs").asInt()).isPositive();
        JsonNode configurations = wlm.get("configurations");
        assertThat(configurations).extracting(node -> node.get("name").asText()).containsExactly("current", "two-queues.json", "recommended");
        double recommended = configurations.get(2).get("outcome").get("shortLatencySeconds").get("p95").asDouble();
        assertThat(recommended).isLessThan(configurations.get(0).get("outcome").get("shortLatencySeconds").get("p95").asDouble())
                .isLessThan(configurations.get(1).get("outcome").get("shortLatencySeconds").get("p95").asDouble());
        // the recommended configuration reads back, and Redshift's form is a JSON array of queues
        assertThat(WlmConfigurationFile.parse(Json.write(wlm.get("recommended")), "recommended")).isNotNull();
        assertThat(Json.mapper().readTree(wlm.get("wlmJsonConfiguration").asText()).isArray()).isTrue();

        TestingCli.Run text = TestingCli.run("advise", "--only", "wlm", "--current", handMade.toString(), "--scaling-budget-seconds", "0", "--workspace", workspace);
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("Workload management:").contains("short p95").contains("As Redshift's wlm_json_configuration:")
                .contains("reports=2, default=3");
    }

    @Test
    void namesTheBadFieldOfAConfigurationFile()
            throws Exception
    {
        Path bad = directory.resolve("bad.json");
        Files.writeString(bad, "{\"queues\": [{\"name\": \"default\", \"slots\": 5}], \"shortQueryAcceleration\": {\"enabled\": true, \"cutoffSeconds\": 25, \"slots\": 3}}");
        TestingCli.Run advise = TestingCli.run("advise", "--only", "wlm", "--current", bad.toString(), "--workspace", workspace);
        assertThat(advise.exitCode()).isEqualTo(1);
        assertThat(advise.err()).contains("bad.json is not a valid WLM configuration: shortQueryAcceleration.cutoffSeconds: must be in 1..20 seconds");
    }

    @Test
    void refusesWlmAdviceOnALogWithoutRuntimes()
    {
        String zipf = directory.resolve("zipf").toString();
        assertThat(TestingCli.run("workload", "generate", "--days", "1", "--runs-per-day", "20", "--workspace", zipf).exitCode()).isZero();
        TestingCli.Run advise = TestingCli.run("advise", "--only", "wlm", "--workspace", zipf);
        assertThat(advise.exitCode()).isEqualTo(1);
        assertThat(advise.err()).contains("has no run with a logged runtime").contains("--mix bursty-dashboards");
        TestingCli.Run train = TestingCli.run("train", "runtimes", "--workspace", zipf);
        assertThat(train.exitCode()).isEqualTo(1);
        assertThat(train.err()).contains("train runtimes: the workspace");
    }
}
