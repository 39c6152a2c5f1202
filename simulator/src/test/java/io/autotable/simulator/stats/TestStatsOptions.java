package io.autotable.simulator.stats;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestStatsOptions
{
    @Test
    void defaultsAreValid()
    {
        StatsOptions options = StatsOptions.defaults();
        assertThat(options.exactDistinctLimit()).isEqualTo(100_000);
        assertThat(options.histogramBuckets()).isEqualTo(20);
        assertThat(options.mostCommonValues()).isEqualTo(10);
        assertThat(options.hllLgK()).isEqualTo(16);
        assertThat(options.kllK()).isEqualTo(200);
    }

    @Test
    void namesTheFieldAndTheBadValue()
    {
        assertInvalid(new int[] {-1, 10, 20, 16, 200}, "exactDistinctLimit must be >= 0, got -1");
        assertInvalid(new int[] {0, 1_001, 20, 16, 200}, "mostCommonValues must be in 0..1000, got 1001");
        assertInvalid(new int[] {0, 10, 0, 16, 200}, "histogramBuckets must be in 1..10000, got 0");
        assertInvalid(new int[] {0, 10, 20, 22, 200}, "hllLgK must be in 4..21, got 22");
        assertInvalid(new int[] {0, 10, 20, 16, 7}, "kllK must be in 8..65535, got 7");
    }

    private static void assertInvalid(int[] values, String message)
    {
        assertThatThrownBy(() -> new StatsOptions(values[0], values[1], values[2], values[3], values[4], 0))
                .isInstanceOfSatisfying(SimulatorException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining(message);
    }
}
