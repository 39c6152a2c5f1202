package io.autotable.encoding.evaluation;

import io.autotable.design.Encoding;
import io.autotable.encoding.EncodedSizes;
import io.autotable.encoding.EncodingException;
import io.autotable.encoding.EncodingSelector;
import io.autotable.encoding.learned.TrainingColumn;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Runs selectors side by side on the same columns and scores each against the exhaustive oracle:
 * every column is encoded once with every applicable encoding, so each selector's choice is
 * priced at the bytes it really takes. Selection time is measured around each selector's call
 * alone, after one warm-up pass over the columns so that the JIT has compiled every selector.
 */
public final class SelectorComparison
{
    private SelectorComparison() {}

    /**
     * One selector's score.
     *
     * @param selector the selector's name
     * @param columns columns scored
     * @param totalBytes bytes of all columns encoded as the selector chose
     * @param regret {@code totalBytes / oracleBytes - 1}
     * @param accuracy share of columns where it chose the oracle's encoding
     * @param optimal share of columns where its choice is as small as the oracle's (ties count)
     * @param selectionNanos time its selections took, all columns together
     */
    public record Score(String selector, int columns, long totalBytes, double regret, double accuracy, double optimal, long selectionNanos)
    {
        public Score
        {
            requireNonNull(selector, "selector is null");
        }
    }

    /**
     * The scores of every selector on the same columns.
     *
     * @param columns columns compared
     * @param oracleBytes bytes of all columns each encoded with the oracle's choice
     * @param scores each selector's score, in the order given
     */
    public record Result(int columns, long oracleBytes, List<Score> scores)
    {
        public Result
        {
            scores = List.copyOf(scores);
        }

        public Score score(String selector)
        {
            for (Score score : scores) {
                if (score.selector().equals(selector)) {
                    return score;
                }
            }
            throw EncodingException.invalidInput("no selector named %s was compared", selector);
        }
    }

    /** The oracle's sizes of one column, with the choice it makes from them. */
    public record Priced(TrainingColumn column, Map<Encoding, Long> sizes, Encoding oracle)
    {
        public Priced
        {
            requireNonNull(column, "column is null");
            sizes = Map.copyOf(sizes);
            requireNonNull(oracle, "oracle is null");
        }
    }

    /** Encodes each column with every applicable encoding. */
    public static List<Priced> price(List<TrainingColumn> columns)
    {
        List<Priced> priced = new ArrayList<>(columns.size());
        for (TrainingColumn column : columns) {
            Map<Encoding, Long> sizes = new EnumMap<>(EncodedSizes.allApplicable(column.type(), column.values()));
            priced.add(new Priced(column, sizes, EncodedSizes.smallest(sizes)));
        }
        return List.copyOf(priced);
    }

    public static Result compare(List<Priced> columns, List<EncodingSelector> selectors)
    {
        requireNonNull(columns, "columns is null");
        requireNonNull(selectors, "selectors is null");
        if (columns.isEmpty()) {
            throw EncodingException.invalidInput("no columns to compare selectors on");
        }
        long oracleBytes = 0;
        for (Priced column : columns) {
            oracleBytes += column.sizes().get(column.oracle());
        }
        for (EncodingSelector selector : selectors) {
            for (Priced column : columns) {
                selector.select(column.column().type(), column.column().values());
            }
        }
        List<Score> scores = new ArrayList<>(selectors.size());
        for (EncodingSelector selector : selectors) {
            long total = 0;
            long nanos = 0;
            int exact = 0;
            int optimal = 0;
            for (Priced column : columns) {
                long started = System.nanoTime();
                Encoding chosen = selector.select(column.column().type(), column.column().values()).encoding();
                nanos += System.nanoTime() - started;
                long bytes = column.sizes().get(chosen);
                long best = column.sizes().get(column.oracle());
                total += bytes;
                exact += chosen == column.oracle() ? 1 : 0;
                optimal += bytes == best ? 1 : 0;
            }
            scores.add(new Score(selector.name(), columns.size(), total, (double) total / oracleBytes - 1,
                    (double) exact / columns.size(), (double) optimal / columns.size(), nanos));
        }
        return new Result(columns.size(), oracleBytes, scores);
    }
}
