package io.autotable.distkey;

import io.autotable.catalog.ColumnStats;
import io.autotable.catalog.ValueFrequency;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestSliceSkew
{
    private static ColumnStats stats(long rows, double nullFraction, long distinct, List<ValueFrequency> mostCommon)
    {
        return new ColumnStats(rows, nullFraction, distinct, false, Optional.of("1"), Optional.of("9"), mostCommon, List.of(), 8);
    }

    @Test
    void spreadsAUniqueColumnEvenly()
    {
        assertThat(SliceSkew.predictedImbalance(stats(1_000_000, 0, 1_000_000, List.of()), 16)).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void putsEveryNullOnOneSlice()
    {
        // half the rows are null: that slice holds 0.5 + 0.5 / 16 of the table, 8.5 times its share
        assertThat(SliceSkew.predictedImbalance(stats(1_000_000, 0.5, 500_000, List.of()), 16)).isCloseTo(8.5, within(1e-9));
    }

    @Test
    void fillsOnlyAsManySlicesAsThereAreValues()
    {
        assertThat(SliceSkew.predictedImbalance(stats(1_000, 0, 4, List.of()), 16)).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void putsAHeavyValueOnOneSlice()
    {
        double imbalance = SliceSkew.predictedImbalance(stats(1_000_000, 0, 100_000, List.of(new ValueFrequency("42", 0.3))), 16);

        // at least the heavy value's 30 % plus its share of the rest, against a mean of 1/16
        assertThat(imbalance).isGreaterThanOrEqualTo((0.3 + 0.7 / 16) * 16 - 1e-9);
    }

    @Test
    void aSingleSliceIsNeverSkewed()
    {
        assertThat(SliceSkew.predictedImbalance(stats(1_000, 0.9, 2, List.of()), 1)).isEqualTo(1.0);
    }

    @Test
    void anEmptyColumnIsNotSkewed()
    {
        assertThat(SliceSkew.predictedImbalance(new ColumnStats(0, 0, 0, true, Optional.empty(), Optional.empty(), List.of(), List.of(), 0), 16)).isEqualTo(1.0);
    }
}
