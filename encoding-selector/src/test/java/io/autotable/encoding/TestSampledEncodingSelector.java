package io.autotable.encoding;

import io.autotable.catalog.ColumnType;
import io.autotable.design.Encoding;
import io.autotable.encoding.sampled.SampledEncodingSelector;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class TestSampledEncodingSelector
        extends AbstractTestEncodingSelector
{
    @Override
    protected EncodingSelector selector()
    {
        return new SampledEncodingSelector(SampledEncodingSelector.Config.defaults());
    }

    @Test
    public void takesSpreadOutRunsOfConsecutiveValues()
    {
        long[] values = new long[10_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        SampledEncodingSelector.Config config = new SampledEncodingSelector.Config(4, 8, 1);
        LongColumn runs = (LongColumn) SampledEncodingSelector.sampleRuns(LongColumn.of(values), config);

        assertThat(runs.size()).isEqualTo(32);
        for (int run = 0; run < 4; run++) {
            long start = runs.values()[run * 8];
            assertThat(start).isBetween(run * 2_500L, run * 2_500L + 2_500 - 8);
            for (int i = 1; i < 8; i++) {
                assertThat(runs.values()[run * 8 + i]).isEqualTo(start + i);
            }
        }
        assertThat(SampledEncodingSelector.sampleRuns(LongColumn.of(1, 2, 3), config).size()).isEqualTo(3);
    }

    @Test
    public void triesOnlyCandidatesTheRulesLeave()
    {
        long[] wide = new long[20_000];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = (i * 0x9E3779B97F4A7C15L) >>> 1;
        }
        EncodingSelector.Selection selection = selector().select(ColumnType.of(ColumnType.Kind.BIGINT), LongColumn.of(wide));
        // distinct wide values without runs: no BYTEDICT, RUNLENGTH, MOSTLYn or DELTAs to try
        assertThat(selection.trialEncodings()).isEqualTo(4);
        assertThat(selection.encoding()).isIn(Encoding.RAW, Encoding.AZ64, Encoding.LZO, Encoding.ZSTD);
    }

    @Test
    public void rejectsAnEmptyConfiguration()
    {
        assertThatThrownBy(() -> new SampledEncodingSelector.Config(0, 64, 1)).isInstanceOf(EncodingException.class).hasMessageContaining("runs must be >= 1");
    }
}
