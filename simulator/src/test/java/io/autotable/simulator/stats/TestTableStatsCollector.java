package io.autotable.simulator.stats;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnStats;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.ValueFrequency;
import io.autotable.simulator.SimulatorException;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;

import static io.autotable.catalog.ColumnType.Kind.BIGINT;
import static io.autotable.catalog.ColumnType.Kind.BOOLEAN;
import static io.autotable.catalog.ColumnType.Kind.DATE;
import static io.autotable.catalog.ColumnType.Kind.DOUBLE;
import static io.autotable.catalog.ColumnType.Kind.INTEGER;
import static io.autotable.catalog.ColumnType.Kind.REAL;
import static io.autotable.catalog.ColumnType.Kind.SMALLINT;
import static io.autotable.catalog.ColumnType.Kind.TIME;
import static io.autotable.catalog.ColumnType.Kind.TIMESTAMP;
import static io.autotable.catalog.ColumnType.Kind.TIMESTAMPTZ;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestTableStatsCollector
{
    private static final String[] WORDS = {"", "a", "ab", "abc", "é", "€uro", "😀", "ﬀ", "zz", "Zebra"};
    // KLL at k = 200 keeps normalized rank error under ~1.65% with 99% confidence
    private static final double RANK_TOLERANCE = 0.025;
    // the frequent-items sketch's counts are within 3.5 / 8192 of the rows
    private static final double FREQUENCY_TOLERANCE = 0.001;

    private record Spec(Column column, Function<SplittableRandom, Object> values) {}

    private static List<Spec> everyType()
    {
        return List.of(
                new Spec(Column.of("s", ColumnType.of(SMALLINT)), r -> nullable(r, (long) r.nextInt(-50, 50))),
                new Spec(Column.notNull("i", ColumnType.of(INTEGER)), r -> r.nextInt(10) < 3 ? 7L : (long) r.nextInt(0, 5_000)),
                new Spec(Column.of("b", ColumnType.of(BIGINT)), r -> nullable(r, r.nextBoolean() ? r.nextLong() : Long.MAX_VALUE - r.nextInt(100))),
                new Spec(Column.of("d", ColumnType.decimal(12, 2)), r -> nullable(r, r.nextInt(10) == 0
                        ? BigDecimal.valueOf(r.nextInt(-1_000, 1_000), 1)
                        : BigDecimal.valueOf(r.nextLong(-1_000_000, 1_000_000), 2))),
                new Spec(Column.of("w", ColumnType.decimal(30, 4)), r -> nullable(r, BigDecimal.valueOf(r.nextLong(-1_000_000_000_000L, 1_000_000_000_000L), 4)
                        .multiply(BigDecimal.valueOf(r.nextInt(1, 3) * 1_000_000_000L)))),
                new Spec(Column.of("f", ColumnType.of(REAL)), r -> nullable(r, r.nextBoolean() ? r.nextInt(0, 1_000) / 8.0 : r.nextDouble())),
                new Spec(Column.of("g", ColumnType.of(DOUBLE)), r -> nullable(r, switch (r.nextInt(50)) {
                    case 0 -> -0.0;
                    case 1 -> Double.NaN;
                    case 2 -> 1e10;
                    default -> Math.round(r.nextGaussian() * 100_000) / 100.0;
                })),
                new Spec(Column.of("t", ColumnType.of(BOOLEAN)), r -> nullable(r, r.nextInt(10) < 3)),
                new Spec(Column.of("c", ColumnType.character(10)), r -> nullable(r, WORDS[r.nextInt(WORDS.length)] + " ".repeat(r.nextInt(3)))),
                new Spec(Column.of("v", ColumnType.varchar(40)), r -> nullable(r, randomText(r))),
                new Spec(Column.of("dt", ColumnType.of(DATE)), r -> nullable(r, LocalDate.ofEpochDay(r.nextInt(0, 20_000)))),
                new Spec(Column.of("ts", ColumnType.of(TIMESTAMP)), r -> nullable(r, r.nextInt(20) == 0
                        ? LocalDateTime.of(9999, 12, 31, 23, 59, 59)
                        : LocalDateTime.ofEpochSecond(r.nextLong(0, 4_000_000_000L), 0, ZoneOffset.UTC))));
    }

    private static Object nullable(SplittableRandom random, Object value)
    {
        return random.nextInt(10) == 0 ? null : value;
    }

    private static String randomText(SplittableRandom random)
    {
        StringBuilder text = new StringBuilder();
        int words = random.nextInt(0, 4);
        for (int i = 0; i < words; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        if (random.nextBoolean()) {
            text.append(random.nextInt(100_000));
        }
        return text.toString();
    }

    private record Table(List<Column> columns, List<Object[]> rows) {}

    private static Table table(List<Spec> specs, int rows, long seed)
    {
        SplittableRandom random = new SplittableRandom(seed);
        List<Object[]> data = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            Object[] row = new Object[specs.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = specs.get(c).values().apply(random);
            }
            data.add(row);
        }
        return new Table(specs.stream().map(Spec::column).toList(), data);
    }

    private static TableStats collect(Table table, StatsOptions options)
    {
        TableStatsCollector collector = new TableStatsCollector(table.columns(), options);
        for (Object[] row : table.rows()) {
            collector.add(row);
        }
        assertThat(collector.rows()).isEqualTo(table.rows().size());
        return collector.finish();
    }

    private static NaiveColumnStats oracle(Table table, int column)
    {
        List<Object> values = new ArrayList<>(table.rows().size());
        for (Object[] row : table.rows()) {
            values.add(row[column]);
        }
        return new NaiveColumnStats(table.columns().get(column).type(), values);
    }

    @Test
    void matchesNaiveOracleExactlyWhileDistinctValuesAreFew()
    {
        for (long seed = 1; seed <= 3; seed++) {
            Table table = table(everyType(), 20_000, seed);
            TableStats stats = collect(table, StatsOptions.defaults());
            assertThat(stats.rows()).isEqualTo(20_000);
            long sizeBytes = 0;
            for (int c = 0; c < table.columns().size(); c++) {
                ColumnStats actual = stats.columns().get(c).stats().orElseThrow();
                NaiveColumnStats expected = oracle(table, c);
                String column = table.columns().get(c).name();
                assertThat(actual.rowCount()).as(column).isEqualTo(expected.rows);
                assertThat(actual.nullFraction()).as(column).isEqualTo(expected.nullFraction());
                assertThat(actual.distinctExact()).as(column).isTrue();
                assertThat(actual.distinct()).as(column).isEqualTo(expected.counts.size());
                assertThat(actual.min()).as(column).contains(expected.min());
                assertThat(actual.max()).as(column).contains(expected.max());
                assertThat(actual.histogram()).as(column).isEqualTo(expected.histogram(StatsOptions.DEFAULT_HISTOGRAM_BUCKETS));
                assertThat(frequencies(actual.mostCommon())).as(column).isEqualTo(expected.mostCommon(StatsOptions.DEFAULT_MOST_COMMON_VALUES));
                assertThat(actual.averageWidth() * expected.nonNull()).as(column).isCloseTo(expected.bytes, within(1e-6 * expected.bytes));
                sizeBytes += expected.bytes;
            }
            assertThat(stats.sizeBytes()).isEqualTo(sizeBytes);
        }
    }

    @Test
    void approximatesOracleWithinSketchErrorAfterSwitching()
    {
        Table table = table(everyType(), 200_000, 42);
        TableStats stats = collect(table, StatsOptions.defaults().withExactDistinctLimit(1_000));
        int sketched = 0;
        for (int c = 0; c < table.columns().size(); c++) {
            ColumnStats actual = stats.columns().get(c).stats().orElseThrow();
            NaiveColumnStats expected = oracle(table, c);
            String column = table.columns().get(c).name();
            assertThat(actual.nullFraction()).as(column).isEqualTo(expected.nullFraction());
            assertThat(actual.min()).as(column).contains(expected.min());
            assertThat(actual.max()).as(column).contains(expected.max());
            assertThat(actual.distinctExact()).as(column).isEqualTo(expected.counts.size() <= 1_000);
            if (actual.distinctExact()) {
                continue;
            }
            sketched++;
            assertThat((double) actual.distinct()).as(column).isCloseTo(expected.counts.size(), within(0.02 * expected.counts.size()));
            assertEquiDepth(column, actual.histogram(), expected, StatsOptions.DEFAULT_HISTOGRAM_BUCKETS);
            assertMostCommonClose(column, actual.mostCommon(), expected);
        }
        assertThat(sketched).isGreaterThanOrEqualTo(8);
    }

    private static void assertEquiDepth(String column, List<String> histogram, NaiveColumnStats expected, int buckets)
    {
        Map<String, Object> keys = new HashMap<>();
        expected.counts.keySet().forEach(key -> keys.put(expected.text(key), key));
        assertThat(histogram).as(column).hasSizeBetween(2, buckets + 1);
        assertThat(keys).as(column + ": bounds are real values").containsKeys(histogram.toArray(String[]::new));
        List<double[]> ranks = histogram.stream().map(bound -> expected.rankRange(keys.get(bound))).toList();
        for (int i = 1; i < ranks.size(); i++) {
            assertThat(ranks.get(i)[1]).as(column + ": ascending").isGreaterThan(ranks.get(i - 1)[1]);
        }
        // every target rank i/k is hit by some bound, within the sketch's rank error
        for (int i = 1; i < buckets; i++) {
            double target = (double) i / buckets;
            boolean covered = ranks.stream().anyMatch(range -> range[0] <= target + RANK_TOLERANCE && range[1] >= target - RANK_TOLERANCE);
            assertThat(covered).as("%s: a bound at rank %s in %s", column, target, histogram).isTrue();
        }
    }

    private static void assertMostCommonClose(String column, List<ValueFrequency> mostCommon, NaiveColumnStats expected)
    {
        Map<String, Double> exact = new HashMap<>();
        expected.counts.forEach((key, count) -> exact.put(expected.text(key), (double) count / expected.rows));
        for (ValueFrequency value : mostCommon) {
            assertThat(exact).as(column).containsKey(value.value());
            assertThat(value.frequency()).as(column + " " + value.value()).isCloseTo(exact.get(value.value()), within(FREQUENCY_TOLERANCE));
        }
        // values clearly more common than the sketch's error are all found, most frequent first
        List<Map.Entry<String, Double>> clear = expected.mostCommon(StatsOptions.DEFAULT_MOST_COMMON_VALUES).stream()
                .filter(entry -> entry.getValue() > 0.01)
                .toList();
        assertThat(frequencies(mostCommon).subList(0, Math.min(clear.size(), mostCommon.size())).stream().map(Map.Entry::getKey).toList())
                .as(column)
                .isEqualTo(clear.stream().map(Map.Entry::getKey).toList());
    }

    private static List<Map.Entry<String, Double>> frequencies(List<ValueFrequency> mostCommon)
    {
        return mostCommon.stream().map(value -> Map.entry(value.value(), value.frequency())).toList();
    }

    @Test
    void countsDistinctExactlyUpToTheLimitThenEstimates()
    {
        Column column = Column.of("k", ColumnType.of(BIGINT));
        StatsOptions options = StatsOptions.defaults().withExactDistinctLimit(1_000);
        for (int distinct : new int[] {999, 1_000, 1_001}) {
            TableStatsCollector collector = new TableStatsCollector(List.of(column), options);
            for (int repeat = 0; repeat < 3; repeat++) {
                for (long value = 0; value < distinct; value++) {
                    collector.add(new Object[] {value * 7919});
                }
            }
            ColumnStats stats = collector.finish().columns().get(0).stats().orElseThrow();
            assertThat(stats.distinctExact()).isEqualTo(distinct <= 1_000);
            if (stats.distinctExact()) {
                assertThat(stats.distinct()).isEqualTo(distinct);
            }
            else {
                // clamped from below by what was counted exactly before the switch
                assertThat(stats.distinct()).isBetween(1_001L, 1_011L);
            }
        }
    }

    @Test
    void estimatesMillionsOfDistinctValuesWithinTwoPercent()
    {
        // 1.5M rows drawn from 2M keys, 3M distinct keys in 3.3M rows, 1M distinct strings
        SplittableRandom random = new SplittableRandom(7);
        BitSet seen = new BitSet();
        TableStatsCollector drawn = new TableStatsCollector(List.of(Column.of("k", ColumnType.of(BIGINT))), StatsOptions.defaults());
        for (int i = 0; i < 1_500_000; i++) {
            int key = random.nextInt(2_000_000);
            seen.set(key);
            drawn.add(new Object[] {scramble(key)});
        }
        assertDistinctWithinTwoPercent(drawn.finish(), seen.cardinality());

        TableStatsCollector unique = new TableStatsCollector(List.of(Column.of("k", ColumnType.of(BIGINT))), StatsOptions.defaults());
        long salt = random.nextLong();
        for (long key = 0; key < 3_000_000; key++) {
            unique.add(new Object[] {scramble(key ^ salt)});
            // repeats keep the estimate off its clamp at the row count, so an overestimate would show
            if (key % 10 == 0) {
                unique.add(new Object[] {scramble(key ^ salt)});
            }
        }
        assertDistinctWithinTwoPercent(unique.finish(), 3_000_000);

        TableStatsCollector text = new TableStatsCollector(List.of(Column.of("s", ColumnType.varchar(20))), StatsOptions.defaults());
        for (long key = 0; key < 1_000_000; key++) {
            text.add(new Object[] {Long.toString(scramble(key ^ salt), 36)});
        }
        assertDistinctWithinTwoPercent(text.finish(), 1_000_000);
    }

    private static void assertDistinctWithinTwoPercent(TableStats stats, long exact)
    {
        ColumnStats column = stats.columns().get(0).stats().orElseThrow();
        assertThat(column.distinctExact()).isFalse();
        assertThat((double) column.distinct()).isCloseTo(exact, within(0.02 * exact));
    }

    // a bijection of longs (the MurmurHash3 finalizer): distinct inputs give distinct outputs
    private static long scramble(long value)
    {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    @Test
    void sketchedDistinctEqualsHyperLogLogFedEveryRow()
    {
        StatsOptions options = StatsOptions.defaults().withExactDistinctLimit(10_000);
        TableStatsCollector collector = new TableStatsCollector(List.of(Column.of("k", ColumnType.of(BIGINT))), options);
        HllSketch direct = new HllSketch(options.hllLgK(), TgtHllType.HLL_8);
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 200_000; i++) {
            long value = random.nextLong(150_000);
            collector.add(new Object[] {value});
            direct.update(value);
        }
        ColumnStats stats = collector.finish().columns().get(0).stats().orElseThrow();
        assertThat(stats.distinct()).isEqualTo(Math.round(direct.getEstimate()));
    }

    @Test
    void givesTheSameStatsForTheSameRows()
    {
        Table table = table(everyType(), 50_000, 5);
        StatsOptions options = StatsOptions.defaults().withExactDistinctLimit(100);
        // an unrelated collector feeds KLL sketches in between, as another table's load would
        TableStatsCollector first = new TableStatsCollector(table.columns(), options);
        TableStatsCollector other = new TableStatsCollector(table.columns(), options.withSeed(99));
        TableStatsCollector second = new TableStatsCollector(table.columns(), options);
        for (Object[] row : table.rows()) {
            first.add(row);
            other.add(row);
        }
        for (Object[] row : table.rows()) {
            second.add(row);
        }
        other.finish();
        assertThat(second.finish()).isEqualTo(first.finish());
    }

    @Test
    void reportsAllNullColumns()
    {
        TableStatsCollector collector = new TableStatsCollector(
                List.of(Column.of("n", ColumnType.of(INTEGER)), Column.of("v", ColumnType.varchar(10)), Column.of("c", ColumnType.character(3))),
                StatsOptions.defaults());
        for (int i = 0; i < 5; i++) {
            collector.add(new Object[] {null, null, null});
        }
        TableStats stats = collector.finish();
        assertThat(stats.rows()).isEqualTo(5);
        assertThat(stats.sizeBytes()).isZero();
        for (Column column : stats.columns()) {
            ColumnStats columnStats = column.stats().orElseThrow();
            assertThat(columnStats.rowCount()).isEqualTo(5);
            assertThat(columnStats.nullFraction()).isEqualTo(1.0);
            assertThat(columnStats.distinct()).isZero();
            assertThat(columnStats.distinctExact()).isTrue();
            assertThat(columnStats.min()).isEmpty();
            assertThat(columnStats.max()).isEmpty();
            assertThat(columnStats.mostCommon()).isEmpty();
            assertThat(columnStats.histogram()).isEmpty();
        }
        assertThat(stats.columns()).extracting(column -> column.stats().orElseThrow().averageWidth()).containsExactly(4.0, 0.0, 3.0);
    }

    @Test
    void reportsEmptyTables()
    {
        TableStats stats = new TableStatsCollector(List.of(Column.of("n", ColumnType.of(BIGINT))), StatsOptions.defaults()).finish();
        assertThat(stats.rows()).isZero();
        assertThat(stats.sizeBytes()).isZero();
        ColumnStats columnStats = stats.columns().get(0).stats().orElseThrow();
        assertThat(columnStats).isEqualTo(new ColumnStats(0, 0, 0, true, Optional.empty(), Optional.empty(), List.of(), List.of(), 8));
    }

    @Test
    void writesValuesAsCanonicalText()
    {
        assertMinMax(ColumnType.of(DOUBLE), List.of(1e10, -0.0, 0.5), "0", "10000000000");
        assertMinMax(ColumnType.of(DOUBLE), List.of(-1e-7, Double.NaN), "-0.0000001", "NaN");
        assertMinMax(ColumnType.of(DOUBLE), List.of(Double.NEGATIVE_INFINITY, 2.0), "-Infinity", "2");
        assertMinMax(ColumnType.of(REAL), List.of(0.1, 3.0), "0.1", "3");
        assertMinMax(ColumnType.decimal(10, 3), List.of(new BigDecimal("1.5"), new BigDecimal("-0.0004")), "0.000", "1.500");
        assertMinMax(ColumnType.of(TIMESTAMP), List.of(LocalDateTime.of(2020, 1, 1, 0, 0), LocalDateTime.of(2020, 1, 1, 0, 0, 0, 1_234_567)),
                "2020-01-01T00:00:00", "2020-01-01T00:00:00.001234");
        assertMinMax(ColumnType.of(TIMESTAMPTZ), List.of(Instant.parse("2020-01-01T00:00:00Z")), "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z");
        assertMinMax(ColumnType.of(TIME), List.of(LocalTime.of(23, 0), LocalTime.of(1, 2, 3, 500_000_000)), "01:02:03.5", "23:00:00");
        assertMinMax(ColumnType.of(DATE), List.of(LocalDate.of(2024, 2, 29), LocalDate.of(1, 1, 1)), "0001-01-01", "2024-02-29");
        assertMinMax(ColumnType.of(BOOLEAN), List.of(true, false), "false", "true");
        // code point order: U+FB00 sorts below U+1F600, unlike in UTF-16
        assertMinMax(ColumnType.varchar(10), List.of("😀", "ﬀ", "z"), "z", "😀");
        assertMinMax(ColumnType.character(5), List.of("ab   ", "b"), "ab", "b");
    }

    private static void assertMinMax(ColumnType type, List<Object> values, String min, String max)
    {
        for (int limit : new int[] {StatsOptions.DEFAULT_EXACT_DISTINCT_LIMIT, 0}) {
            TableStatsCollector collector = new TableStatsCollector(List.of(Column.of("x", type)), StatsOptions.defaults().withExactDistinctLimit(limit));
            values.forEach(value -> collector.add(new Object[] {value}));
            ColumnStats stats = collector.finish().columns().get(0).stats().orElseThrow();
            assertThat(stats.min()).as("%s %s", type, values).contains(min);
            assertThat(stats.max()).as("%s %s", type, values).contains(max);
            assertThat(stats.histogram()).as("%s %s", type, values).startsWith(min).endsWith(max);
        }
    }

    @Test
    void foldsEquivalentValuesIntoOne()
    {
        assertDistinct(ColumnType.of(DOUBLE), List.of(0.0, -0.0, Double.NaN, Double.NaN), 2);
        assertDistinct(ColumnType.decimal(5, 2), List.of(new BigDecimal("1.5"), new BigDecimal("1.50"), new BigDecimal("1.500")), 1);
        assertDistinct(ColumnType.character(4), List.of("a", "a ", "a   "), 1);
        assertDistinct(ColumnType.varchar(4), List.of("a", "a ", ""), 3);
    }

    private static void assertDistinct(ColumnType type, List<Object> values, long distinct)
    {
        TableStatsCollector collector = new TableStatsCollector(List.of(Column.of("x", type)), StatsOptions.defaults());
        values.forEach(value -> collector.add(new Object[] {value}));
        assertThat(collector.finish().columns().get(0).stats().orElseThrow().distinct()).as("%s %s", type, values).isEqualTo(distinct);
    }

    @Test
    void countsEmptyStringsAsDistinctValuesInSketches()
    {
        TableStatsCollector collector = new TableStatsCollector(List.of(Column.of("x", ColumnType.varchar(4))), StatsOptions.defaults().withExactDistinctLimit(0));
        for (String value : List.of("", "", "a", "b")) {
            collector.add(new Object[] {value});
        }
        ColumnStats stats = collector.finish().columns().get(0).stats().orElseThrow();
        assertThat(stats.distinctExact()).isFalse();
        assertThat(stats.distinct()).isEqualTo(3);
        assertThat(stats.histogram()).containsExactly("", "a", "b");
    }

    @Test
    void listsOnlyRepeatedAboveAverageValuesAsMostCommon()
    {
        // few distinct values: every repeated one, ties by value
        assertMostCommon(List.of(3L, 1L, 2L, 1L, 3L, 2L, 4L, 3L), List.of(new ValueFrequency("3", 0.375), new ValueFrequency("1", 0.25), new ValueFrequency("2", 0.25)));
        // more distinct values than kept: uniform values are not common
        List<Object> uniform = new ArrayList<>();
        for (long value = 0; value < 100; value++) {
            uniform.add(value);
            uniform.add(value);
        }
        assertMostCommon(uniform, List.of());
        uniform.add(50L);
        assertMostCommon(uniform, List.of(new ValueFrequency("50", 3.0 / 201)));
    }

    private static void assertMostCommon(List<Object> values, List<ValueFrequency> expected)
    {
        TableStatsCollector collector = new TableStatsCollector(List.of(Column.of("x", ColumnType.of(BIGINT))), StatsOptions.defaults());
        values.forEach(value -> collector.add(new Object[] {value}));
        assertThat(collector.finish().columns().get(0).stats().orElseThrow().mostCommon()).isEqualTo(expected);
    }

    @Test
    void buildsOneBucketForASingleValue()
    {
        TableStatsCollector collector = new TableStatsCollector(List.of(Column.of("x", ColumnType.of(INTEGER))), StatsOptions.defaults());
        for (int i = 0; i < 10; i++) {
            collector.add(new Object[] {5L});
        }
        assertThat(collector.finish().columns().get(0).stats().orElseThrow().histogram()).containsExactly("5", "5");
    }

    @Test
    void measuresWidthAsRedshiftStoresValues()
    {
        TableStatsCollector collector = new TableStatsCollector(
                List.of(Column.of("v", ColumnType.varchar(10)), Column.of("c", ColumnType.character(6)), Column.of("d", ColumnType.decimal(20, 2)), Column.of("s", ColumnType.of(SMALLINT))),
                StatsOptions.defaults());
        collector.add(new Object[] {"a", "a", BigDecimal.ONE, 1L});
        collector.add(new Object[] {"é€😀", "bb ", null, 2L});
        collector.add(new Object[] {null, null, null, null});
        TableStats stats = collector.finish();
        assertThat(stats.columns()).extracting(column -> column.stats().orElseThrow().averageWidth()).containsExactly(5.0, 6.0, 16.0, 2.0);
        assertThat(stats.sizeBytes()).isEqualTo(10 + 12 + 16 + 4);
    }

    @Test
    void rejectsValuesTheColumnCannotHold()
    {
        TableStatsCollector collector = new TableStatsCollector(
                List.of(Column.notNull("id", ColumnType.of(BIGINT)), Column.of("price", ColumnType.decimal(4, 2))),
                StatsOptions.defaults());
        collector.add(new Object[] {1L, new BigDecimal("1.00")});
        assertThatThrownBy(() -> collector.add(new Object[] {"2", null}))
                .isInstanceOf(SimulatorException.class)
                .hasMessageContaining("row 2")
                .hasMessageContaining("column id BIGINT")
                .hasMessageContaining("expected Long, got java.lang.String '2'");
        assertThatThrownBy(() -> collector.add(new Object[] {null, null}))
                .isInstanceOf(SimulatorException.class)
                .hasMessageContaining("column id is NOT NULL");
        assertThatThrownBy(() -> collector.add(new Object[] {2L, new BigDecimal("123.45")}))
                .isInstanceOf(SimulatorException.class)
                .hasMessageContaining("123.45 has more than 4 digits");
        assertThatThrownBy(() -> collector.add(new Object[] {2L}))
                .isInstanceOf(SimulatorException.class)
                .hasMessageContaining("has 1 values but the table has 2 columns");
    }

    @Test
    void rejectsUseAfterFinish()
    {
        TableStatsCollector collector = new TableStatsCollector(List.of(Column.of("x", ColumnType.of(BIGINT))), StatsOptions.defaults());
        collector.finish();
        assertThatThrownBy(collector::finish).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> collector.add(new Object[] {1L})).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSampleScalesDistinctCountsWithHaasAndStokesEstimatorAndKeepsItsFractions()
    {
        // 1,000 rows: a unique key, 100 values seen 10 times each, and 500 singletons + 250 pairs with a null every 4th row
        List<Column> columns = List.of(Column.of("key", ColumnType.of(BIGINT)), Column.of("hundred", ColumnType.of(INTEGER)), Column.of("mixed", ColumnType.of(BIGINT)));
        TableStatsCollector sample = new TableStatsCollector(columns, StatsOptions.defaults());
        long mixed = 0;
        for (long i = 0; i < 1_000; i++) {
            Long value = null;
            if (i % 4 != 3) {
                // 750 non-null values: 500 seen once, then 125 seen twice
                value = mixed < 500 ? mixed : 500 + (mixed - 500) / 2;
                mixed++;
            }
            sample.add(new Object[] {i, i % 100, value});
        }

        TableStats scaled = sample.finishSample(1_000_000);

        assertThat(scaled.rows()).isEqualTo(1_000_000);
        ColumnStats key = scaled.columns().get(0).stats().orElseThrow();
        assertThat(key.distinct()).isEqualTo(1_000_000);
        assertThat(key.distinctExact()).isFalse();
        assertThat(key.rowCount()).isEqualTo(1_000);
        assertThat(key.min()).contains("0");
        assertThat(scaled.columns().get(1).stats().orElseThrow().distinct()).isEqualTo(100);
        ColumnStats partly = scaled.columns().get(2).stats().orElseThrow();
        assertThat(partly.nullFraction()).isEqualTo(0.25);
        // n = 750, d = 625, f1 = 500, N' = 750,000: D = n d / (n - f1 + f1 n / N')
        assertThat(partly.distinct()).isEqualTo(Math.round(750.0 * 625 / (750 - 500 + 500 * 750.0 / 750_000)));
        assertThat(scaled.sizeBytes()).isEqualTo(1_000L * (8 + 4) * 1_000 + 750L * 8 * 1_000);
    }
}
