package io.autotable.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TestAdviceSummary
{
    @Test
    void summarisesTheWlmSectionBesideTheDesignAdvice(@TempDir Path directory)
            throws Exception
    {
        Path advice = directory.resolve("advice.json");
        Files.writeString(advice, """
                {"provenance": {"statements": 200}, "baseline": {"totalSeconds": 10}, "recommended": {"totalSeconds": 8}, "recommendations": [],
                 "wlm": {"runs": 60, "configurations": [
                   {"name": "current", "summary": "default=5", "outcome": {"shortLatencySeconds": {"p95": 12.5}, "busyThroughputPerHour": 100, "scalingSeconds": 0}},
                   {"name": "recommended", "summary": "default=8; SQA 5 s x 4", "outcome": {"shortLatencySeconds": {"p95": 3.25}, "busyThroughputPerHour": 120, "scalingSeconds": 0}}]}}
                """);
        AdviceSummary summary = AdviceSummary.read(advice);
        assertThat(summary.text()).contains("WLM: default=5 -> default=8; SQA 5 s x 4; short-query p95 12.50 s -> 3.25 s, 100 -> 120 queries per busy hour, 0 scaling seconds (60 later runs replayed");
    }

    @Test
    void saysToKeepTheWlmConfigurationWhenNothingSimulatedBetter(@TempDir Path directory)
            throws Exception
    {
        Path advice = directory.resolve("advice.json");
        Files.writeString(advice, """
                {"provenance": {"statements": 200}, "baseline": {"totalSeconds": 10}, "recommended": {"totalSeconds": 8}, "recommendations": [],
                 "wlm": {"runs": 24, "configurations": [
                   {"name": "current", "summary": "default=5", "outcome": {"shortLatencySeconds": {"p95": 0.5}}},
                   {"name": "recommended", "summary": "default=5", "outcome": {"shortLatencySeconds": {"p95": 0.5}}}]}}
                """);
        assertThat(AdviceSummary.read(advice).text()).contains("WLM: keep default=5: no configuration simulated better on the 24 later runs replayed (short-query p95 0.50 s");
    }

    @Test
    void saysNothingOfWlmWithoutTheSection(@TempDir Path directory)
            throws Exception
    {
        Path advice = directory.resolve("advice.json");
        Files.writeString(advice, "{\"provenance\": {\"statements\": 200}, \"baseline\": {\"totalSeconds\": 10}, \"recommended\": {\"totalSeconds\": 8}, \"recommendations\": []}");
        assertThat(AdviceSummary.read(advice).text()).doesNotContain("WLM").contains("Found: 200 statements");
    }
}
