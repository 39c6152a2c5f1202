package io.autotable.encoding.learned;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * How a learned encoding model was made and how it scored on data it never saw; written next to
 * the model ({@code encoding-model.json}) by {@code autotable train encodings}.
 *
 * @param autotableVersion the autotable that trained it
 * @param config the training configuration, seed included
 * @param profileRuns how the profiled runs are taken from a sample ({@link LearnedEncodingSelector#PROFILE_RUNS})
 * @param benchmarkScale the scale the benchmark datasets were generated at
 * @param sampleRows rows per benchmark sample (consecutive rows of a table)
 * @param trainingDatasets columns per dataset the model was trained on
 * @param labelCounts how often the oracle chose each encoding in the training corpus
 * @param heldOutDatasets columns per dataset the evaluation used, none of them seen in training
 * @param evaluation each selector's score on the held-out columns
 * @param oracleBytes bytes of the held-out columns under the oracle's choices
 */
public record ModelCard(
        String autotableVersion,
        TrainingConfig config,
        String profileRuns,
        double benchmarkScale,
        int sampleRows,
        Map<String, Integer> trainingDatasets,
        Map<String, Integer> labelCounts,
        Map<String, Integer> heldOutDatasets,
        long oracleBytes,
        List<Score> evaluation)
{
    public ModelCard
    {
        requireNonNull(autotableVersion, "autotableVersion is null");
        requireNonNull(config, "config is null");
        requireNonNull(profileRuns, "profileRuns is null");
        trainingDatasets = Map.copyOf(trainingDatasets);
        labelCounts = Map.copyOf(labelCounts);
        heldOutDatasets = Map.copyOf(heldOutDatasets);
        evaluation = List.copyOf(evaluation);
    }

    /**
     * A selector's score on the held-out columns.
     *
     * @param selector its name
     * @param totalBytes bytes of the columns encoded as it chose
     * @param regret {@code totalBytes / oracleBytes - 1}
     * @param accuracy share of columns where it chose the oracle's encoding
     * @param optimal share of columns where its choice is as small as the oracle's
     * @param selectionMillis time its selections took, all columns together
     * @param speedup the oracle's selection time divided by its own
     */
    public record Score(String selector, long totalBytes, double regret, double accuracy, double optimal, double selectionMillis, double speedup)
    {
        public Score
        {
            requireNonNull(selector, "selector is null");
        }
    }
}
