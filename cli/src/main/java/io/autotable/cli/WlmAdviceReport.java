package io.autotable.cli;

import io.autotable.advisor.wlm.PredictionErrors;
import io.autotable.advisor.wlm.WlmAdvice;
import io.autotable.advisor.wlm.WlmAdvisor;
import io.autotable.advisor.wlm.WlmObjective;
import io.autotable.advisor.wlm.learned.RuntimeModelTraining;
import io.autotable.analysis.WorkloadAnalysis;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.wlm.WlmConfiguration;
import io.autotable.simulator.wlm.WlmConfigurationFile;
import io.autotable.simulator.wlm.WlmOutcome;
import io.autotable.simulator.wlm.WlmSimulation;
import io.autotable.simulator.wlm.LoggedRun;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code advise --only wlm} and the WLM section of the full advice: options, the JSON section, the text. */
final class WlmAdviceReport
{
    private WlmAdviceReport() {}

    static final class Options
    {
        @Option(names = "--objective", paramLabel = "GOAL", defaultValue = "short-p95",
                description = "WLM: what to minimise: short-p95 (short runs' 95th percentile latency), p95 (all runs') or wait (95th percentile queue wait) (default: ${DEFAULT-VALUE}).")
        String objective;

        @Option(names = "--scaling-budget-seconds", paramLabel = "N", defaultValue = "3600",
                description = "WLM: at most this many concurrency-scaling cluster seconds over the replayed window (default: ${DEFAULT-VALUE}).")
        double scalingBudgetSeconds;

        @Option(names = "--current", paramLabel = "FILE.json", description = "WLM: the configuration in use, in autotable's WLM JSON (default: one queue of 5 slots, Redshift's default).")
        Optional<Path> current;

        @Option(names = "--compare-wlm", paramLabel = "FILE.json", description = "WLM: another configuration to replay beside the current and the recommended one (repeatable).")
        List<Path> compare = new ArrayList<>();

        @Option(names = "--short-seconds", paramLabel = "SECONDS", defaultValue = "10",
                description = "WLM: runs whose logged runtime is at most this are short, for the short-p95 objective (default: ${DEFAULT-VALUE}).")
        double shortSeconds;

        @Option(names = "--parallelism", paramLabel = "N", defaultValue = "8",
                description = "WLM: queries a cluster runs at full speed at once; more share it (default: ${DEFAULT-VALUE}).")
        int parallelism;

        WlmAdvisor.Request request(Optional<WlmAdvisor.Saved> saved)
        {
            WlmConfiguration currentConfiguration = current.map(WlmConfigurationFile::read).orElseGet(WlmConfiguration::defaultConfiguration);
            Map<String, WlmConfiguration> compared = new LinkedHashMap<>();
            for (Path file : compare) {
                compared.put(String.valueOf(file.getFileName()), WlmConfigurationFile.read(file));
            }
            return new WlmAdvisor.Request(currentConfiguration, compared, new WlmObjective(WlmObjective.Goal.parse(objective), scalingBudgetSeconds),
                    new WlmSimulation.Settings(parallelism, shortSeconds), RuntimeModelTraining.Config.defaults(), saved);
        }
    }

    /**
     * The JSON section; field names are a documented contract.
     *
     * @param recommended the recommended configuration in autotable's WLM JSON
     * @param wlmJsonConfiguration the same as Redshift's {@code wlm_json_configuration} value
     */
    record Section(
            String objective,
            double scalingBudgetSeconds,
            int parallelism,
            double shortSeconds,
            String predictor,
            Instant trainedUntil,
            Instant replayedUntil,
            int runs,
            PredictionErrors predictionErrors,
            List<Configuration> configurations,
            int evaluated,
            WlmConfiguration recommended,
            String wlmJsonConfiguration,
            Map<String, String> redshiftParameters,
            List<String> notExported) {}

    record Configuration(String name, String summary, WlmConfiguration configuration, WlmOutcome outcome) {}

    /** The advice, or empty when the log holds no run with a logged runtime (generated logs of the zipf mix). */
    static Optional<Section> advise(WorkloadRepository repository, WorkloadAnalysis analysis, Options options)
    {
        List<LoggedRun> runs = WorkspaceRuns.read(repository, analysis);
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        WlmAdvisor.Request request = options.request(WorkspaceRuns.savedModel(repository.workspace()));
        // Tribuo logs every tree it builds at INFO; the level is put back after, which also keeps the logger reachable meanwhile
        Logger tribuo = Logger.getLogger("org.tribuo");
        Level level = tribuo.getLevel();
        tribuo.setLevel(Level.WARNING);
        WlmAdvice advice;
        try {
            advice = WlmAdvisor.advise(runs, repository.catalog(), repository.design(), request, analysis.workloadFingerprint());
        }
        finally {
            tribuo.setLevel(level);
        }
        List<Configuration> configurations = new ArrayList<>();
        for (WlmAdvice.Simulated simulated : advice.configurations()) {
            configurations.add(new Configuration(simulated.name(), simulated.configuration().describe(), simulated.configuration(), simulated.outcome()));
        }
        return Optional.of(new Section(advice.objective().goal().cliName(), advice.objective().scalingBudgetSeconds(), request.settings().parallelism(),
                request.settings().shortSeconds(), advice.predictor(), advice.trainedUntil(), advice.replayedUntil(), advice.runs(), advice.predictionErrors(),
                configurations, advice.evaluated(), advice.recommended(), advice.redshift().wlmJsonConfiguration(), new LinkedHashMap<>(advice.redshift().parameters()),
                advice.redshift().notExported()));
    }

    static void printText(PrintWriter out, Section section, boolean brief)
    {
        out.printf(Locale.ROOT, "Workload management: %,d runs from %s to %s replayed (the log's later window), objective %s with at most %,.0f scaling seconds%n",
                section.runs(), section.trainedUntil(), section.replayedUntil(), section.objective(), section.scalingBudgetSeconds());
        PredictionErrors errors = section.predictionErrors();
        out.printf(Locale.ROOT, "Runtimes predicted by %s: on these runs, absolute error p50 %.2f s, p90 %.2f s; relative p50 %.0f%%, p90 %.0f%%; short/long at %s s right for %.1f%%%n",
                section.predictor(), errors.absoluteSecondsP50(), errors.absoluteSecondsP90(), 100 * errors.relativeP50(), 100 * errors.relativeP90(),
                Formats.scale(errors.cutoffSeconds()), 100 * errors.shortLongAccuracy());
        out.printf(Locale.ROOT, "Simulated: %d queries at full speed per cluster; short = logged runtime <= %s s; SQA and routing use the predicted runtimes%n%n",
                section.parallelism(), Formats.scale(section.shortSeconds()));
        out.printf(Locale.ROOT, "  %-22s %9s %9s %9s %9s %9s %9s %9s %8s%n", "configuration", "wait p95", "short p95", "short p99", "all p95", "queries/h", "busy q/h",
                "scaling s", "aborted");
        for (Configuration configuration : section.configurations()) {
            WlmOutcome outcome = configuration.outcome();
            out.printf(Locale.ROOT, "  %-22s %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f %9.0f %8d%n", Formats.cut(configuration.name(), 22), outcome.waitSeconds().p95(),
                    outcome.shortLatencySeconds().p95(), outcome.shortLatencySeconds().p99(), outcome.latencySeconds().p95(), outcome.throughputPerHour(),
                    outcome.busyThroughputPerHour(), outcome.scalingSeconds(), outcome.aborted());
        }
        out.println();
        for (Configuration configuration : section.configurations()) {
            out.printf(Locale.ROOT, "  %-22s %s%n", Formats.cut(configuration.name(), 22), configuration.summary());
        }
        out.printf(Locale.ROOT, "  (%d configurations simulated; seconds; queries/h: completed per hour from the first arrival to the last end; busy q/h: per hour with a query queued or running)%n",
                section.evaluated());
        if (brief) {
            return;
        }
        out.println();
        out.println("Recommended, as autotable's WLM JSON ('advise --only wlm --current FILE' reads it):");
        out.println(WlmConfigurationFile.write(section.recommended()));
        out.println("As Redshift's wlm_json_configuration:");
        out.println(section.wlmJsonConfiguration());
        section.redshiftParameters().forEach((name, value) -> out.printf(Locale.ROOT, "with %s = %s%n", name, value));
        for (String note : section.notExported()) {
            out.println("not in Redshift's format: " + note);
        }
    }
}
