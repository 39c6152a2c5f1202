package io.autotable.advisor.wlm;

import java.util.Arrays;

/**
 * How far a runtime predictor was from the logged runtimes on some runs.
 *
 * @param runs runs scored
 * @param absoluteSecondsP50 median of {@code |predicted - logged|}, seconds
 * @param absoluteSecondsP90 its 90th percentile
 * @param relativeP50 median of {@code |predicted - logged| / logged}
 * @param relativeP90 its 90th percentile
 * @param cutoffSeconds the short/long cutoff scored
 * @param shortLongAccuracy the share of runs put on the right side of the cutoff ({@code predicted <= cutoff} iff {@code logged <= cutoff})
 * @param shortRuns runs logged at most the cutoff
 * @param shortPredictedLong short runs predicted above the cutoff (kept out of SQA)
 * @param longPredictedShort long runs predicted at most the cutoff (sent to SQA, to be moved out at the cutoff)
 */
public record PredictionErrors(
        int runs,
        double absoluteSecondsP50,
        double absoluteSecondsP90,
        double relativeP50,
        double relativeP90,
        double cutoffSeconds,
        double shortLongAccuracy,
        int shortRuns,
        int shortPredictedLong,
        int longPredictedShort)
{
    /** Scores {@code predicted[i]} against {@code logged[i]} for {@code i} in {@code [from, to)}. */
    public static PredictionErrors of(double[] predicted, double[] logged, int from, int to, double cutoffSeconds)
    {
        int n = to - from;
        double[] absolute = new double[n];
        double[] relative = new double[n];
        int right = 0;
        int shortRuns = 0;
        int shortPredictedLong = 0;
        int longPredictedShort = 0;
        for (int i = from; i < to; i++) {
            double error = Math.abs(predicted[i] - logged[i]);
            absolute[i - from] = error;
            relative[i - from] = error / Math.max(logged[i], 1e-3);
            boolean isShort = logged[i] <= cutoffSeconds;
            boolean saidShort = predicted[i] <= cutoffSeconds;
            shortRuns += isShort ? 1 : 0;
            if (isShort == saidShort) {
                right++;
            }
            else if (isShort) {
                shortPredictedLong++;
            }
            else {
                longPredictedShort++;
            }
        }
        Arrays.sort(absolute);
        Arrays.sort(relative);
        return new PredictionErrors(n, at(absolute, 0.5), at(absolute, 0.9), at(relative, 0.5), at(relative, 0.9), cutoffSeconds,
                n == 0 ? 0 : (double) right / n, shortRuns, shortPredictedLong, longPredictedShort);
    }

    // nearest rank
    private static double at(double[] sorted, double quantile)
    {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1)];
    }
}
