package io.autotable.simulator.wlm;

import io.autotable.json.Json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Writes a {@link WlmConfiguration} as Redshift's {@code wlm_json_configuration} parameter (manual
 * WLM): one object per queue ({@code query_concurrency}, {@code memory_percent_to_use},
 * {@code user_group}, {@code query_group}, {@code max_execution_time} in milliseconds,
 * {@code concurrency_scaling} {@code "auto"} or {@code "off"}), then, with SQA on,
 * {@code {"short_query_queue": true, "max_execution_time": cutoff in ms}}. The number of scaling
 * clusters is the cluster parameter {@code max_concurrency_scaling_clusters}, given beside it.
 * What Redshift's parameter cannot say is listed in {@link Export#notExported()}.
 */
public final class RedshiftWlmJson
{
    private RedshiftWlmJson() {}

    /**
     * @param wlmJsonConfiguration the value of {@code wlm_json_configuration}
     * @param parameters other parameter-group settings the configuration needs ({@code max_concurrency_scaling_clusters})
     * @param notExported what the configuration holds that Redshift's parameter cannot express, and how it was approximated
     */
    public record Export(String wlmJsonConfiguration, Map<String, String> parameters, List<String> notExported)
    {
        public Export
        {
            requireNonNull(wlmJsonConfiguration, "wlmJsonConfiguration is null");
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            notExported = List.copyOf(notExported);
        }
    }

    public static Export export(WlmConfiguration configuration)
    {
        requireNonNull(configuration, "configuration is null");
        List<Map<String, Object>> queues = new ArrayList<>();
        List<String> notExported = new ArrayList<>();
        boolean scaling = configuration.concurrencyScaling().maxClusters() > 0;
        for (WlmConfiguration.Queue queue : configuration.queues()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("query_concurrency", queue.slots());
            if (queue.memoryPercent() > 0) {
                json.put("memory_percent_to_use", queue.memoryPercent());
            }
            json.put("user_group", queue.userGroups());
            json.put("user_group_wild_card", 0);
            json.put("query_group", queue.queryGroups());
            json.put("query_group_wild_card", 0);
            json.put("max_execution_time", Math.round(queue.maxExecutionSeconds() * 1000));
            json.put("concurrency_scaling", scaling && queue.concurrencyScaling() ? "auto" : "off");
            queues.add(json);
            queue.predictedRuntime().ifPresent(range -> notExported.add(
                    "queue %s: routing by predicted runtime [%s s, %s s) has no wlm_json_configuration property; use a query monitoring rule that hops queries, or query groups"
                            .formatted(queue.name(), range.minSeconds(), range.maxSeconds())));
        }
        WlmConfiguration.ShortQueryAcceleration sqa = configuration.shortQueryAcceleration();
        if (sqa.enabled()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("short_query_queue", true);
            json.put("max_execution_time", Math.round(sqa.cutoffSeconds() * 1000));
            queues.add(json);
            notExported.add("SQA slots (%d): Redshift sizes the short-query lane itself".formatted(sqa.slots()));
        }
        if (scaling && configuration.concurrencyScaling().startAfterWaitSeconds() > 0) {
            notExported.add("concurrency scaling after %s s of queue wait: Redshift starts scaling clusters when queries queue, on its own schedule"
                    .formatted(configuration.concurrencyScaling().startAfterWaitSeconds()));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("max_concurrency_scaling_clusters", Integer.toString(configuration.concurrencyScaling().maxClusters()));
        return new Export(Json.write(queues), parameters, notExported);
    }
}
