package io.autotable.encoding;

import io.autotable.catalog.ColumnType;
import io.autotable.catalog.ColumnType.Kind;
import io.autotable.encoding.TestingColumns.Shape;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The one-pass profile against a deliberately naive recount of each feature on seeded columns. */
public class TestColumnProfile
{
    @Test
    public void integerFeaturesMatchANaiveRecount()
    {
        SplittableRandom random = new SplittableRandom(42);
        for (ColumnType type : List.of(ColumnType.of(Kind.SMALLINT), ColumnType.of(Kind.INTEGER), ColumnType.of(Kind.BIGINT), ColumnType.decimal(18, 2), ColumnType.of(Kind.DATE))) {
            for (Shape shape : Shape.values()) {
                LongColumn column = (LongColumn) TestingColumns.random(type, shape, 1 + random.nextInt(4000), random.nextInt(3) == 0 ? 0.2 : 0, random.split());
                ColumnProfile profile = ColumnProfile.of(type, column);
                List<Long> values = new ArrayList<>();
                for (int i = 0; i < column.size(); i++) {
                    if (!column.isNull(i)) {
                        values.add(column.values()[i]);
                    }
                }
                assertThat(profile.rows()).isEqualTo(column.size());
                assertThat(profile.nonNull()).isEqualTo(values.size());
                assertThat(profile.distinct()).isEqualTo(new HashSet<>(values).size());
                assertThat(profile.topFrequency()).isCloseTo(topFrequency(values), within(1e-9));
                int runs = 0;
                int ascending = 0;
                int deltas8 = 0;
                int fits16 = 0;
                for (int i = 0; i < values.size(); i++) {
                    long value = values.get(i);
                    fits16 += value > Short.MIN_VALUE && value <= Short.MAX_VALUE ? 1 : 0;
                    if (i == 0 || value != values.get(i - 1)) {
                        runs++;
                    }
                    if (i > 0) {
                        ascending += value >= values.get(i - 1) ? 1 : 0;
                        long delta = value - values.get(i - 1);
                        boolean overflow = Math.abs((double) value - values.get(i - 1)) > 1e18;
                        deltas8 += !overflow && delta >= -127 && delta <= 127 ? 1 : 0;
                    }
                }
                if (!values.isEmpty()) {
                    assertThat(profile.averageRunLength()).isCloseTo((double) values.size() / runs, within(1e-9));
                    assertThat(profile.fits16()).isCloseTo((double) fits16 / values.size(), within(1e-9));
                }
                if (values.size() > 1) {
                    assertThat(profile.ascendingFraction()).isCloseTo((double) ascending / (values.size() - 1), within(1e-9));
                    assertThat(profile.deltaFits8()).isCloseTo((double) deltas8 / (values.size() - 1), within(1e-9));
                }
            }
        }
    }

    @Test
    public void textFeaturesMatchANaiveRecount()
    {
        String[] texts = {"red apple", "red apple", "green pear", null, "green", "red apple pie", ""};
        byte[][] values = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            values[i] = texts[i] == null ? null : texts[i].getBytes(StandardCharsets.UTF_8);
        }
        ColumnProfile profile = ColumnProfile.of(ColumnType.varchar(20), TextColumn.of(values));

        assertThat(profile.nonNull()).isEqualTo(6);
        assertThat(profile.distinct()).isEqualTo(5);
        assertThat(profile.maxLength()).isEqualTo(13);
        assertThat(profile.averageLength()).isCloseTo((9 + 9 + 10 + 5 + 13 + 0) / 6.0, within(1e-9));
        // words: red apple | red apple | green pear | green | red apple pie | one empty word
        assertThat(profile.wordsPerValue()).isCloseTo(11 / 6.0, within(1e-9));
        assertThat(profile.distinctWords()).isEqualTo(6);
        // shared prefixes with the value before: 9, 0, 5, 0, 0
        assertThat(profile.averagePrefix()).isCloseTo(14 / 5.0, within(1e-9));
        assertThat(profile.averageRunLength()).isCloseTo(6 / 5.0, within(1e-9));
    }

    @Test
    public void repeatedSequencesArePredictableAndFreshOnesAreNot()
    {
        long[] cycle = new long[20_000];
        long[] fresh = new long[20_000];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < cycle.length; i++) {
            cycle[i] = (i % 500) * 7919L;
            fresh[i] = random.nextLong();
        }
        ColumnType type = ColumnType.of(Kind.BIGINT);
        // 500 contexts in a direct-mapped table of 4,096 slots: about one in eight collides
        assertThat(ColumnProfile.of(type, LongColumn.of(cycle)).repeatFraction()).isGreaterThan(0.8);
        assertThat(ColumnProfile.of(type, LongColumn.of(fresh)).repeatFraction()).isLessThan(0.01);
    }

    @Test
    public void emptyAndAllNullColumnsProfileToZeros()
    {
        for (ColumnType type : TestingColumns.TYPES) {
            for (Column column : List.of(TestingColumns.allNulls(type, 0), TestingColumns.allNulls(type, 50))) {
                ColumnProfile profile = ColumnProfile.of(type, column);
                assertThat(profile.nonNull()).isZero();
                assertThat(profile.distinct()).isZero();
                assertThat(profile.features()).hasSize(ColumnProfile.FEATURE_NAMES.size());
                assertThat(profile.nullFraction()).isEqualTo(column.size() == 0 ? 0.0 : 1.0);
            }
        }
    }

    @Test
    public void distinctCountStopsGrowingAtItsBound()
    {
        long[] values = new long[200_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        ColumnProfile profile = ColumnProfile.of(ColumnType.of(Kind.BIGINT), LongColumn.of(values));
        assertThat(profile.distinct()).isEqualTo(io.autotable.encoding.profile.ColumnProfiler.MAX_TRACKED_DISTINCT);
        assertThat(Arrays.stream(profile.features()).allMatch(Double::isFinite)).isTrue();
    }

    private static double topFrequency(List<Long> values)
    {
        Map<Long, Integer> counts = new HashMap<>();
        int top = 0;
        for (long value : values) {
            top = Math.max(top, counts.merge(value, 1, Integer::sum));
        }
        return values.isEmpty() ? 0 : (double) top / values.size();
    }
}
