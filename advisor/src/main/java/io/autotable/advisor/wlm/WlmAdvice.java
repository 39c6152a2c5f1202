package io.autotable.advisor.wlm;

import io.autotable.simulator.wlm.RedshiftWlmJson;
import io.autotable.simulator.wlm.WlmConfiguration;
import io.autotable.simulator.wlm.WlmOutcome;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A recommended WLM configuration with its simulated effect beside the current one's (and any
 * other configuration compared), all replayed on the same runs: the log's later window, with
 * runtimes predicted by a model that never trained on it.
 *
 * @param predictor how runtimes were predicted: {@code learned (workspace model)}, {@code learned (trained for this advice)}
 * @param trainedUntil the replayed window starts here: every run the predictor learned from arrived before it
 * @param replayedUntil the last replayed run's arrival
 * @param runs runs replayed
 * @param predictionErrors the predictor's errors on the replayed runs, at the recommended SQA cutoff (or the training cutoff without SQA)
 * @param configurations {@code current} first, then those compared, then {@code recommended}
 * @param evaluated configurations the search simulated
 * @param redshift the recommended configuration as Redshift's {@code wlm_json_configuration}
 */
public record WlmAdvice(
        WlmObjective objective,
        String predictor,
        Instant trainedUntil,
        Instant replayedUntil,
        int runs,
        PredictionErrors predictionErrors,
        List<Simulated> configurations,
        int evaluated,
        WlmConfiguration recommended,
        RedshiftWlmJson.Export redshift)
{
    public WlmAdvice
    {
        requireNonNull(objective, "objective is null");
        requireNonNull(predictor, "predictor is null");
        requireNonNull(trainedUntil, "trainedUntil is null");
        requireNonNull(replayedUntil, "replayedUntil is null");
        requireNonNull(predictionErrors, "predictionErrors is null");
        configurations = List.copyOf(configurations);
        requireNonNull(recommended, "recommended is null");
        requireNonNull(redshift, "redshift is null");
    }

    /** A configuration and what it did in the replay. */
    public record Simulated(String name, WlmConfiguration configuration, WlmOutcome outcome)
    {
        public Simulated
        {
            requireNonNull(name, "name is null");
            requireNonNull(configuration, "configuration is null");
            requireNonNull(outcome, "outcome is null");
        }
    }

    public Simulated current()
    {
        return configurations.get(0);
    }

    public Simulated recommendedSimulated()
    {
        return configurations.get(configurations.size() - 1);
    }
}
