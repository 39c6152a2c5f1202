package io.autotable.encoding;

import io.autotable.catalog.ColumnType;
import io.autotable.design.Encoding;
import io.autotable.encoding.TestingColumns.Shape;
import io.autotable.encoding.exhaustive.ExhaustiveEncodingSelector;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

public class TestExhaustiveEncodingSelector
        extends AbstractTestEncodingSelector
{
    @Override
    protected EncodingSelector selector()
    {
        return new ExhaustiveEncodingSelector();
    }

    @Test
    public void choosesNoLargerEncodingThanAnyOther()
    {
        SplittableRandom random = new SplittableRandom(11);
        for (ColumnType type : TestingColumns.TYPES) {
            Column sample = TestingColumns.random(type, Shape.values()[random.nextInt(Shape.values().length)], 4000, 0.05, random.split());
            EncodingSelector.Selection selection = selector().select(type, sample);
            long chosen = encodedBytes(type, sample, selection.encoding());
            for (Encoder encoder : Encoders.applicable(type)) {
                assertThat(chosen).as("%s beats %s on %s", selection.encoding(), encoder.encoding(), type)
                        .isLessThanOrEqualTo(encodedBytes(type, sample, encoder.encoding()));
            }
            assertThat(selection.trialEncodings()).isEqualTo(Encoders.applicable(type).size());
        }
    }

    @Test
    public void breaksTiesTowardsTheFasterDecoder()
    {
        // an empty column costs every encoding the same header: RAW decodes fastest
        assertThat(selector().select(ColumnType.of(ColumnType.Kind.BIGINT), LongColumn.of()).encoding()).isEqualTo(Encoding.RAW);
    }

    @Test
    public void choosesRunLengthForLongRunsAndDeltaForASequence()
    {
        long[] runs = new long[50_000];
        long[] sequence = new long[50_000];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = i / 5_000;
            sequence[i] = 1_000_000L + i * 3L;
        }
        assertThat(selector().select(ColumnType.of(ColumnType.Kind.BIGINT), LongColumn.of(runs)).encoding()).isEqualTo(Encoding.RUNLENGTH);
        assertThat(selector().select(ColumnType.of(ColumnType.Kind.BIGINT), LongColumn.of(sequence)).encoding()).isIn(Encoding.DELTA, Encoding.AZ64, Encoding.ZSTD);
    }

    private static long encodedBytes(ColumnType type, Column column, Encoding encoding)
    {
        // the naive count, independent of EncodedSizes
        long bytes = 0;
        for (byte[] block : Encoders.forEncoding(encoding).encode(type, column)) {
            bytes += block.length;
        }
        return bytes;
    }
}
