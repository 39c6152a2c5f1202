package io.autotable.advisor.sortkey.learned;

import io.autotable.error.CaptureException;

/**
 * How the sort-key model is trained; the same configuration gives the same model.
 *
 * @param seed the root of all randomness
 * @param syntheticTables how many synthetic tables (each with its workload) make the corpus
 * @param syntheticMinRows fewest rows of a synthetic table
 * @param syntheticMaxRows most rows of a synthetic table
 * @param candidatesPerTable candidates simulated per synthetic table at most (no sort key and a seeded
 *        choice of the others): each one is a layout of the table, the corpus's main cost
 * @param trees trees in the random forest
 * @param maxDepth deepest a tree grows
 * @param featureFraction share of the features each split considers
 * @param slices slices of the simulated cluster the corpus and the held-out benchmarks are laid out
 *        on (one node of the default preset's rates): fewer slices hold more rows each, so small
 *        tables have as many blocks per slice as big tables on a big cluster
 */
public record TrainingConfig(
        long seed,
        int syntheticTables,
        int syntheticMinRows,
        int syntheticMaxRows,
        int candidatesPerTable,
        int trees,
        int maxDepth,
        double featureFraction,
        int slices)
{
    public TrainingConfig
    {
        check(syntheticTables >= 1, "syntheticTables", syntheticTables, ">= 1");
        check(syntheticMinRows >= 100, "syntheticMinRows", syntheticMinRows, ">= 100");
        check(syntheticMaxRows >= syntheticMinRows, "syntheticMaxRows", syntheticMaxRows, ">= syntheticMinRows");
        check(candidatesPerTable >= 2, "candidatesPerTable", candidatesPerTable, ">= 2");
        check(trees >= 1, "trees", trees, ">= 1");
        check(maxDepth >= 1, "maxDepth", maxDepth, ">= 1");
        check(slices >= 1 && slices <= 32, "slices", slices, "in 1..32");
        if (!(featureFraction > 0 && featureFraction <= 1)) {
            throw CaptureException.invalid("featureFraction must be in (0, 1], got %s", featureFraction);
        }
    }

    /** The configuration the shipped model was trained with. */
    public static TrainingConfig defaults()
    {
        return new TrainingConfig(20_260_601L, 80, 50_000, 1_000_000, 10, 50, 10, 0.5, 1);
    }

    public TrainingConfig withSeed(long newSeed)
    {
        return new TrainingConfig(newSeed, syntheticTables, syntheticMinRows, syntheticMaxRows, candidatesPerTable, trees, maxDepth, featureFraction, slices);
    }

    public TrainingConfig withSyntheticTables(int count, int minRows, int maxRows)
    {
        return new TrainingConfig(seed, count, minRows, maxRows, candidatesPerTable, trees, maxDepth, featureFraction, slices);
    }

    public TrainingConfig withForest(int newTrees, int newMaxDepth)
    {
        return new TrainingConfig(seed, syntheticTables, syntheticMinRows, syntheticMaxRows, candidatesPerTable, newTrees, newMaxDepth, featureFraction, slices);
    }

    private static void check(boolean valid, String field, long value, String rule)
    {
        if (!valid) {
            throw CaptureException.invalid("%s must be %s, got %d", field, rule, value);
        }
    }
}
