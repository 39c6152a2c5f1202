package io.autotable.encoding.learned;

import io.autotable.encoding.EncodingException;

/**
 * How the learned selector's model is made. Every random choice (the synthetic columns, the
 * forest's bootstrap samples and feature subsets) comes from one {@link java.util.SplittableRandom}
 * seeded with {@code seed}, so the same configuration and corpus give the same model.
 *
 * @param seed the root of all randomness
 * @param syntheticColumns how many synthetic columns join the corpus
 * @param syntheticMinRows fewest values in a synthetic column
 * @param syntheticMaxRows most values in a synthetic column
 * @param trees trees in the random forest
 * @param maxDepth deepest a tree grows
 * @param featureFraction share of the features each split considers
 */
public record TrainingConfig(
        long seed,
        int syntheticColumns,
        int syntheticMinRows,
        int syntheticMaxRows,
        int trees,
        int maxDepth,
        double featureFraction)
{
    public TrainingConfig
    {
        check(syntheticColumns >= 0, "syntheticColumns", syntheticColumns, ">= 0");
        check(syntheticMinRows >= 1, "syntheticMinRows", syntheticMinRows, ">= 1");
        check(syntheticMaxRows >= syntheticMinRows, "syntheticMaxRows", syntheticMaxRows, ">= syntheticMinRows");
        check(trees >= 1, "trees", trees, ">= 1");
        check(maxDepth >= 1, "maxDepth", maxDepth, ">= 1");
        if (!(featureFraction > 0 && featureFraction <= 1)) {
            throw EncodingException.invalidInput("featureFraction must be in (0, 1], got %s", featureFraction);
        }
    }

    /** The configuration the shipped model was trained with. */
    public static TrainingConfig defaults()
    {
        return new TrainingConfig(20_260_524L, 1_500, 1_000, 100_000, 50, 14, 0.5);
    }

    public TrainingConfig withSeed(long newSeed)
    {
        return new TrainingConfig(newSeed, syntheticColumns, syntheticMinRows, syntheticMaxRows, trees, maxDepth, featureFraction);
    }

    public TrainingConfig withSyntheticColumns(int count, int minRows, int maxRows)
    {
        return new TrainingConfig(seed, count, minRows, maxRows, trees, maxDepth, featureFraction);
    }

    public TrainingConfig withForest(int newTrees, int newMaxDepth)
    {
        return new TrainingConfig(seed, syntheticColumns, syntheticMinRows, syntheticMaxRows, newTrees, newMaxDepth, featureFraction);
    }

    private static void check(boolean valid, String field, long value, String rule)
    {
        if (!valid) {
            throw EncodingException.invalidInput("%s must be %s, got %d", field, rule, value);
        }
    }
}
