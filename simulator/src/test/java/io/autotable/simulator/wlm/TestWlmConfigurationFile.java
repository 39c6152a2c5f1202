package io.autotable.simulator.wlm;

import io.autotable.error.ErrorCode;
import io.autotable.json.Json;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.replay.WlmConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestWlmConfigurationFile
{
    private static final String TWO_QUEUES = """
            {
              "queues": [
                {"name": "reports", "slots": 2, "memoryPercent": 60, "userGroups": ["report"], "maxExecutionSeconds": 600, "concurrencyScaling": true},
                {"name": "default", "slots": 3, "memoryPercent": 40}
              ],
              "shortQueryAcceleration": {"enabled": true, "cutoffSeconds": 5, "slots": 4},
              "concurrencyScaling": {"maxClusters": 2, "startAfterWaitSeconds": 10}
            }
            """;

    @Test
    void readsTheAutotableFormatAndWritesItBackUnchanged()
    {
        WlmConfiguration configuration = WlmConfigurationFile.parse(TWO_QUEUES, "wlm.json");
        assertThat(configuration.queues()).extracting(WlmConfiguration.Queue::name).containsExactly("reports", "default");
        assertThat(configuration.queues().get(0).userGroups()).containsExactly("report");
        assertThat(configuration.queues().get(0).maxExecutionSeconds()).isEqualTo(600);
        assertThat(configuration.shortQueryAcceleration().cutoffSeconds()).isEqualTo(5);
        assertThat(configuration.concurrencyScaling().maxClusters()).isEqualTo(2);
        assertThat(WlmConfigurationFile.parse(WlmConfigurationFile.write(configuration), "again")).isEqualTo(configuration);
    }

    @Test
    void leavesOutSqaAndScalingWhenAbsent()
    {
        WlmConfiguration configuration = WlmConfigurationFile.parse("{\"queues\": [{\"name\": \"default\", \"slots\": 5}]}", "wlm.json");
        assertThat(configuration).isEqualTo(WlmConfiguration.defaultConfiguration());
    }

    @Test
    void namesTheFieldOfABadValue()
    {
        assertRejected(TWO_QUEUES.replace("\"slots\": 3", "\"slots\": 0"), "queues[1].slots: must be in 1..50");
        assertRejected(TWO_QUEUES.replace("\"cutoffSeconds\": 5", "\"cutoffSeconds\": 30"), "shortQueryAcceleration.cutoffSeconds: must be in 1..20");
        assertRejected(TWO_QUEUES.replace("\"slots\": 4", "\"slots\": 16"), "shortQueryAcceleration.slots: must be in 1..15");
        assertRejected(TWO_QUEUES.replace("\"maxClusters\": 2", "\"maxClusters\": 11"), "concurrencyScaling.maxClusters: must be in 0..10");
        assertRejected(TWO_QUEUES.replace("\"memoryPercent\": 40", "\"memoryPercent\": 50"), "queues: the queues' memoryPercent add up to 110");
        assertRejected(TWO_QUEUES.replace("\"maxExecutionSeconds\": 600", "\"maxExecutionSeconds\": -1"), "queues[0].maxExecutionSeconds: must be a number of seconds >= 0");
        assertRejected(TWO_QUEUES.replace("{\"name\": \"default\", \"slots\": 3, \"memoryPercent\": 40}", "{\"name\": \"default\", \"slots\": 3, \"queryGroups\": [\"x\"]}"),
                "queues[1]: the last queue is the default one");
        assertRejected(TWO_QUEUES.replace("\"userGroups\": [\"report\"]", "\"userGroups\": [\"report\"], \"predictedRuntime\": {\"minSeconds\": 5, \"maxSeconds\": 1}"),
                "queues[0].predictedRuntime.maxSeconds: must be greater than minSeconds");
        assertRejected(TWO_QUEUES.replace("\"name\": \"default\"", "\"name\": \"reports\""), "queues[1].name: queue reports is declared twice");
    }

    @Test
    void namesAnUnknownOrMistypedField()
    {
        assertRejected(TWO_QUEUES.replace("\"slots\": 2", "\"slots\": 2, \"slotz\": 2"), "queues[0].slotz: unknown field; the fields here are [concurrencyScaling, maxExecutionSeconds, memoryPercent, name");
        assertRejected(TWO_QUEUES.replace("\"slots\": 2", "\"slots\": \"two\""), "queues[0].slots: ");
        assertRejected("{\"queues\": []}", "queues: a WLM configuration needs at least one queue");
        assertThatThrownBy(() -> WlmConfigurationFile.parse("{\"queues\": [", "wlm.json"))
                .isInstanceOf(SimulatorException.class)
                .hasMessageStartingWith("wlm.json is not a valid WLM configuration: queues: Unexpected end-of-input");
    }

    @Test
    void reportsAMissingFileByName(@TempDir Path directory)
            throws Exception
    {
        assertThatThrownBy(() -> WlmConfigurationFile.read(directory.resolve("none.json")))
                .isInstanceOf(SimulatorException.class)
                .hasMessageContaining("none.json does not exist")
                .extracting(e -> ((SimulatorException) e).errorCode()).isEqualTo(ErrorCode.FILE_NOT_FOUND);
        Path file = directory.resolve("wlm.json");
        Files.writeString(file, TWO_QUEUES);
        assertThat(WlmConfigurationFile.read(file).totalSlots()).isEqualTo(5);
    }

    @Test
    void exportsRedshiftsWlmJsonConfiguration()
            throws Exception
    {
        WlmConfiguration configuration = WlmConfigurationFile.parse(TWO_QUEUES, "wlm.json");
        RedshiftWlmJson.Export export = RedshiftWlmJson.export(configuration);
        var queues = Json.mapper().readTree(export.wlmJsonConfiguration());
        assertThat(queues.size()).isEqualTo(3);
        assertThat(queues.get(0).get("query_concurrency").asInt()).isEqualTo(2);
        assertThat(queues.get(0).get("memory_percent_to_use").asInt()).isEqualTo(60);
        assertThat(queues.get(0).get("user_group").get(0).asText()).isEqualTo("report");
        assertThat(queues.get(0).get("max_execution_time").asLong()).isEqualTo(600_000);
        assertThat(queues.get(0).get("concurrency_scaling").asText()).isEqualTo("auto");
        assertThat(queues.get(1).get("concurrency_scaling").asText()).isEqualTo("off");
        assertThat(queues.get(1).get("query_group").size()).isZero();
        assertThat(queues.get(2).get("short_query_queue").asBoolean()).isTrue();
        assertThat(queues.get(2).get("max_execution_time").asLong()).isEqualTo(5_000);
        assertThat(export.parameters()).containsEntry("max_concurrency_scaling_clusters", "2");
        assertThat(export.notExported()).anyMatch(note -> note.startsWith("SQA slots (4)"));
    }

    @Test
    void convertsTheReplaysSimplerConfiguration()
    {
        WlmConfig old = new WlmConfig(List.of(new WlmConfig.Queue("fast", 2, Set.of("a")), new WlmConfig.Queue("default", 3, Set.of())), 1);
        WlmConfiguration configuration = WlmConfiguration.of(old);
        assertThat(configuration.queueOf("a", Optional.empty(), 0)).isZero();
        assertThat(configuration.queueOf("b", Optional.empty(), 0)).isEqualTo(1);
        assertThat(configuration.concurrencyScaling().maxClusters()).isEqualTo(1);
        assertThat(configuration.describe()).isEqualTo("fast=2, default=3; scaling 1 after 0 s");
    }

    private static void assertRejected(String json, String message)
    {
        assertThatThrownBy(() -> WlmConfigurationFile.parse(json, "wlm.json"))
                .isInstanceOf(SimulatorException.class)
                .hasMessageContaining("wlm.json is not a valid WLM configuration: " + message)
                .extracting(e -> ((SimulatorException) e).errorCode()).isEqualTo(ErrorCode.INVALID_JSON);
    }
}
