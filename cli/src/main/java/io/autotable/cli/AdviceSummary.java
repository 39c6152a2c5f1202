package io.autotable.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The demo's summary of an {@code advise --format json} report: what it found and what it recommends. */
record AdviceSummary(long statements, double baselineSeconds, double recommendedSeconds, Map<String, Integer> changes, String topChange, String wlm)
{
    static AdviceSummary read(Path json)
    {
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readString(json, StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new CaptureException(ErrorCode.FILE_NOT_READABLE, "cannot read the advice %s: %s".formatted(json, e.getMessage()), e);
        }
        Map<String, Integer> changes = new TreeMap<>();
        String top = "";
        double best = -1;
        for (JsonNode recommendation : root.path("recommendations")) {
            changes.merge(recommendation.path("kind").asText(), 1, Integer::sum);
            if (recommendation.path("benefitPercent").asDouble() > best) {
                best = recommendation.path("benefitPercent").asDouble();
                top = String.format(Locale.ROOT, "%s %s %s -> %s (%.1f%%)", recommendation.path("table").asText(), recommendation.path("kind").asText(),
                        Formats.cut(recommendation.path("from").asText(), 40), Formats.cut(recommendation.path("to").asText(), 40), best);
            }
        }
        return new AdviceSummary(root.path("provenance").path("statements").asLong(), root.path("baseline").path("totalSeconds").asDouble(),
                root.path("recommended").path("totalSeconds").asDouble(), changes, top, wlm(root.path("wlm")));
    }

    // the WLM section's current and recommended configurations, side by side
    private static String wlm(JsonNode section)
    {
        JsonNode configurations = section.path("configurations");
        if (configurations.size() < 2) {
            return "";
        }
        JsonNode current = configurations.get(0);
        JsonNode recommended = configurations.get(configurations.size() - 1);
        if (current.path("summary").asText().equals(recommended.path("summary").asText())) {
            return String.format(Locale.ROOT, "WLM: keep %s: no configuration simulated better on the %,d later runs replayed (short-query p95 %.2f s, runtimes predicted)",
                    current.path("summary").asText(), section.path("runs").asLong(), current.path("outcome").path("shortLatencySeconds").path("p95").asDouble());
        }
        return String.format(Locale.ROOT, "WLM: %s -> %s; short-query p95 %.2f s -> %.2f s, %.0f -> %.0f queries per busy hour, %.0f scaling seconds (%,d later runs replayed, runtimes predicted)",
                current.path("summary").asText(), recommended.path("summary").asText(),
                current.path("outcome").path("shortLatencySeconds").path("p95").asDouble(), recommended.path("outcome").path("shortLatencySeconds").path("p95").asDouble(),
                current.path("outcome").path("busyThroughputPerHour").asDouble(), recommended.path("outcome").path("busyThroughputPerHour").asDouble(),
                recommended.path("outcome").path("scalingSeconds").asDouble(), section.path("runs").asLong());
    }

    double savingPercent()
    {
        return baselineSeconds == 0 ? 0 : (1 - recommendedSeconds / baselineSeconds) * 100;
    }

    String text()
    {
        StringBuilder text = new StringBuilder();
        int total = changes.values().stream().mapToInt(Integer::intValue).sum();
        text.append(String.format(Locale.ROOT, "Found: %,d statements; the simulated workload takes %.2f s under the current design.%n", statements, baselineSeconds));
        text.append(String.format(Locale.ROOT, "Recommends: %d change(s) %s; simulated %.2f s -> %.2f s (%.1f%% less).%n", total, changes, baselineSeconds, recommendedSeconds,
                savingPercent()));
        if (!topChange.isEmpty()) {
            text.append("Biggest single saving: ").append(topChange).append('\n');
        }
        if (!wlm.isEmpty()) {
            text.append(wlm).append('\n');
        }
        return text.toString();
    }

    String oneLine()
    {
        int total = changes.values().stream().mapToInt(Integer::intValue).sum();
        return String.format(Locale.ROOT, "%d recommended change(s) cut the simulated workload time by %.1f%% (%.2f s -> %.2f s).", total, savingPercent(), baselineSeconds,
                recommendedSeconds);
    }
}
