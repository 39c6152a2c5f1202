package io.autotable.advisor.wlm;

import io.autotable.advisor.wlm.learned.RuntimeModel;
import io.autotable.advisor.wlm.learned.RuntimeModelCard;
import io.autotable.advisor.wlm.learned.RuntimeModelTraining;
import io.autotable.advisor.wlm.local.CoordinateDescentWlmSearch;
import io.autotable.catalog.Catalog;
import io.autotable.design.PhysicalDesign;
import io.autotable.simulator.wlm.LoggedRun;
import io.autotable.simulator.wlm.RedshiftWlmJson;
import io.autotable.simulator.wlm.RuntimePredictor;
import io.autotable.simulator.wlm.WlmConfiguration;
import io.autotable.simulator.wlm.WlmRun;
import io.autotable.simulator.wlm.WlmRuns;
import io.autotable.simulator.wlm.WlmSimulation;
import io.autotable.simulator.wlm.event.EventWlmSimulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Recommends a WLM configuration for a logged workload, honestly: runtimes are predicted by a
 * model trained on the log's earlier part (the workspace's own, from {@code train runtimes}, or
 * one trained here with the same defaults), and configurations are searched and compared on the
 * later part only, routing by those predictions, never by the logged runtimes.
 */
public final class WlmAdvisor
{
    /**
     * @param current the configuration in use
     * @param compared other configurations to show beside it, by name
     * @param saved the workspace's runtime model and its card, if one was trained
     */
    public record Request(
            WlmConfiguration current,
            Map<String, WlmConfiguration> compared,
            WlmObjective objective,
            WlmSimulation.Settings settings,
            RuntimeModelTraining.Config training,
            Optional<Saved> saved)
    {
        public Request
        {
            requireNonNull(current, "current is null");
            compared = new LinkedHashMap<>(requireNonNull(compared, "compared is null"));
            requireNonNull(objective, "objective is null");
            requireNonNull(settings, "settings is null");
            requireNonNull(training, "training is null");
            requireNonNull(saved, "saved is null");
        }
    }

    public record Saved(RuntimeModel model, RuntimeModelCard card) {}

    private WlmAdvisor() {}

    /**
     * @param runs the log with logged runtimes, in arrival order
     */
    public static WlmAdvice advise(List<LoggedRun> runs, Catalog catalog, PhysicalDesign design, Request request, String workloadFingerprint)
    {
        requireNonNull(runs, "runs is null");
        requireNonNull(request, "request is null");
        RuntimePredictor predictor;
        String source;
        int split;
        Optional<Saved> saved = request.saved().filter(model -> startsAfter(runs, model.card()) < runs.size() && startsAfter(runs, model.card()) > 0);
        if (saved.isPresent()) {
            split = startsAfter(runs, saved.get().card());
            predictor = saved.get().model().predictor(catalog, design);
            source = "learned (the workspace's model, trained until %s)".formatted(saved.get().card().trainedUntil());
        }
        else {
            RuntimeModelTraining.Trained trained = RuntimeModelTraining.train(runs, catalog, design, request.training(), workloadFingerprint);
            split = trained.split();
            predictor = trained.model().predictor(catalog, design);
            source = "learned (trained for this advice on the runs until %s)".formatted(runs.get(split).start());
        }
        double[] predicted = predictor.predict(runs);
        List<WlmRun> replayed = WlmRuns.of(runs, predicted, split);

        WlmSimulation simulation = new EventWlmSimulation();
        WlmSearch.Result result = new CoordinateDescentWlmSearch(simulation, request.settings()).search(request.current(), replayed, request.objective());
        List<WlmAdvice.Simulated> configurations = new ArrayList<>();
        configurations.add(new WlmAdvice.Simulated("current", request.current(), simulation.simulate(request.current(), replayed, request.settings())));
        request.compared().forEach((name, configuration) -> configurations.add(new WlmAdvice.Simulated(name, configuration, simulation.simulate(configuration, replayed, request.settings()))));
        configurations.add(new WlmAdvice.Simulated("recommended", result.recommended(), result.outcome()));

        double[] logged = new double[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            logged[i] = runs.get(i).seconds();
        }
        double cutoff = result.recommended().shortQueryAcceleration().enabled() ? result.recommended().shortQueryAcceleration().cutoffSeconds() : request.training().cutoffSeconds();
        return new WlmAdvice(request.objective(), source, runs.get(split).start(), runs.get(runs.size() - 1).start(), replayed.size(),
                PredictionErrors.of(predicted, logged, split, runs.size(), cutoff), configurations, result.evaluated(), result.recommended(),
                RedshiftWlmJson.export(result.recommended()));
    }

    // the first run at or after the model's training window
    private static int startsAfter(List<LoggedRun> runs, RuntimeModelCard card)
    {
        int index = 0;
        while (index < runs.size() && runs.get(index).start().isBefore(card.trainedUntil())) {
            index++;
        }
        return index;
    }
}
