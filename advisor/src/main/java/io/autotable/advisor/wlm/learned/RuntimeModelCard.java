package io.autotable.advisor.wlm.learned;

import io.autotable.advisor.wlm.PredictionErrors;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * How a runtime model was made and how it did on a later window of the log it never trained on;
 * written next to the model ({@link RuntimeModel#CARD_FILE}).
 *
 * @param workloadFingerprint a hash of the log's statements and runs it was trained from
 * @param trainedFrom the first training run's arrival
 * @param trainedUntil the first held-out run's arrival: every training run arrived before it
 * @param heldOutUntil the last held-out run's arrival
 * @param heldOut the model's errors on the held-out (later) window
 * @param historyBaseline the history predictor's errors on the same runs (the mean of the statement's ended runs)
 * @param training the model's errors on its own training runs, for comparison
 * @param trainSeconds wall-clock seconds the training took
 */
public record RuntimeModelCard(
        String autotableVersion,
        String workloadFingerprint,
        long seed,
        int trees,
        int maxDepth,
        List<String> features,
        Instant trainedFrom,
        Instant trainedUntil,
        Instant heldOutUntil,
        int trainingRuns,
        int heldOutRuns,
        double cutoffSeconds,
        PredictionErrors heldOut,
        PredictionErrors historyBaseline,
        PredictionErrors training,
        double trainSeconds)
{
    public RuntimeModelCard
    {
        requireNonNull(autotableVersion, "autotableVersion is null");
        requireNonNull(workloadFingerprint, "workloadFingerprint is null");
        features = List.copyOf(features);
        requireNonNull(trainedFrom, "trainedFrom is null");
        requireNonNull(trainedUntil, "trainedUntil is null");
        requireNonNull(heldOutUntil, "heldOutUntil is null");
        requireNonNull(heldOut, "heldOut is null");
        requireNonNull(historyBaseline, "historyBaseline is null");
        requireNonNull(training, "training is null");
    }
}
