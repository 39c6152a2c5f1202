package io.autotable.simulator.cost;

import io.autotable.design.DistStyle;
import io.autotable.design.Encoding;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.layout.ColumnData;
import io.autotable.simulator.layout.ColumnLayout;
import io.autotable.simulator.layout.LayoutBuilder;
import io.autotable.simulator.layout.StorageLayout;
import io.autotable.simulator.layout.TableData;
import io.autotable.simulator.layout.TestingTables;
import io.autotable.workload.ColumnRef;
import io.autotable.workload.Predicate;
import io.autotable.workload.PredicateOperator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TestZoneMapScan
{
    static final ClusterModel ONE_NODE = new ClusterModel("one", 1, 1, ClusterModel.BLOCK_BYTES, 500e6, ClusterModel.defaultModel().decodeBytesPerSecond(), 1e9, 50e6, 0.005);

    @Test
    void blocksReadEqualARowByRowCheckOfEachBlocksBounds()
    {
        TableData data = TestingTables.random("t", 500_000, 11);
        List<TableDesign> designs = List.of(
                TableDesign.initial(),
                new TableDesign(DistStyle.KEY, Optional.of("id"), SortStyle.COMPOUND, List.of("day", "amount"), Map.of("label", Encoding.BYTEDICT)),
                new TableDesign(DistStyle.EVEN, Optional.empty(), SortStyle.INTERLEAVED, List.of("amount", "label"), Map.of("amount", Encoding.AZ64)),
                new TableDesign(DistStyle.KEY, Optional.of("k"), SortStyle.COMPOUND, List.of("id"), Map.of("day", Encoding.DELTA)));
        SplittableRandom random = new SplittableRandom(12);
        long pruned = 0;
        for (TableDesign design : designs) {
            StorageLayout layout = new LayoutBuilder(ONE_NODE).build(data, design);
            int[][] placement = LayoutBuilder.place(data, design, ONE_NODE.slices());
            for (int trial = 0; trial < 15; trial++) {
                List<Predicate> predicates = randomPredicates(random);
                List<Integer> filtered = new ArrayList<>();
                List<KeyRanges> ranges = new ArrayList<>();
                for (String column : List.of("id", "amount", "label", "day")) {
                    List<Predicate> on = predicates.stream().filter(predicate -> predicate.column().column().equals(column)).toList();
                    if (!on.isEmpty()) {
                        KeyRanges range = KeyRanges.forPredicates(data.table().column(column).type(), on);
                        if (!range.isAll()) {
                            filtered.add(data.columnIndex(column));
                            ranges.add(range);
                        }
                    }
                }
                int[] read = {0, 2, 4};
                ZoneMapScan.Result result = ZoneMapScan.scan(layout, filtered.stream().mapToInt(Integer::intValue).toArray(), ranges.toArray(KeyRanges[]::new), read);
                long[] expected = naiveBlocksRead(data, layout, placement, filtered, ranges, read);
                assertThat(result.blocksRead()).as("design %s, predicates %s", design, predicates).containsExactly(expected);
                checkEveryMatchingRowIsRead(data, layout, placement, filtered, ranges, read);
                pruned += result.blocksTotal() - result.totalBlocksRead();
            }
        }
        // the sorted designs let the zone maps skip blocks: the check is not vacuous
        assertThat(pruned).isGreaterThan(20);
    }

    @Test
    void integerBoundsConvertExactly()
    {
        ColumnRef column = ColumnRef.parse("t.k");
        KeyRanges greater = KeyRanges.forPredicates(io.autotable.catalog.ColumnType.of(io.autotable.catalog.ColumnType.Kind.INTEGER),
                List.of(new Predicate(column, PredicateOperator.GREATER_THAN, List.of("5")), new Predicate(column, PredicateOperator.LESS_THAN, List.of("9.5"))));
        assertThat(greater.matches(5)).isFalse();
        assertThat(greater.matches(6)).isTrue();
        assertThat(greater.matches(9)).isTrue();
        assertThat(greater.matches(10)).isFalse();
        // contradictory ranges are an OR the shape could not record
        KeyRanges either = KeyRanges.forPredicates(io.autotable.catalog.ColumnType.of(io.autotable.catalog.ColumnType.Kind.INTEGER),
                List.of(new Predicate(column, PredicateOperator.BETWEEN, List.of("1", "3")), new Predicate(column, PredicateOperator.BETWEEN, List.of("20", "30"))));
        assertThat(either.matches(2)).isTrue();
        assertThat(either.matches(25)).isTrue();
        assertThat(either.matches(10)).isFalse();
    }

    private static List<Predicate> randomPredicates(SplittableRandom random)
    {
        List<Predicate> predicates = new ArrayList<>();
        if (random.nextBoolean()) {
            LocalDate from = LocalDate.ofEpochDay(18_000 + random.nextInt(760));
            predicates.add(new Predicate(ColumnRef.parse("t.day"), PredicateOperator.BETWEEN, List.of(from.toString(), from.plusDays(random.nextInt(1, 90)).toString())));
        }
        if (random.nextInt(3) == 0) {
            predicates.add(new Predicate(ColumnRef.parse("t.amount"), random.nextBoolean() ? PredicateOperator.GREATER_THAN : PredicateOperator.LESS_THAN_OR_EQUAL,
                    List.of(String.valueOf(random.nextInt(-1_000, 100_000) / 100.0))));
        }
        if (random.nextInt(3) == 0) {
            predicates.add(random.nextBoolean()
                    ? new Predicate(ColumnRef.parse("t.label"), PredicateOperator.EQUAL, List.of(TestingTables.LABELS.get(random.nextInt(TestingTables.LABELS.size()))))
                    : new Predicate(ColumnRef.parse("t.label"), PredicateOperator.LIKE_PREFIX, List.of("alph")));
        }
        if (random.nextInt(3) == 0) {
            long id = random.nextInt(500_000);
            predicates.add(new Predicate(ColumnRef.parse("t.id"), PredicateOperator.IN, List.of(String.valueOf(id), String.valueOf(id + 1000))));
        }
        return predicates;
    }

    // a position survives when, for every filtered column, the block holding it has naive bounds meeting the ranges
    private static long[] naiveBlocksRead(TableData data, StorageLayout layout, int[][] placement, List<Integer> filtered, List<KeyRanges> ranges, int[] read)
    {
        long[] blocks = new long[read.length];
        for (int s = 0; s < placement.length; s++) {
            boolean[] survives = new boolean[placement[s].length];
            java.util.Arrays.fill(survives, true);
            for (int f = 0; f < filtered.size(); f++) {
                ColumnData values = data.columns().get(filtered.get(f));
                ColumnLayout column = layout.columns().get(filtered.get(f));
                for (int b = column.sliceFirstBlock()[s]; b < column.sliceFirstBlock()[s + 1]; b++) {
                    long min = Long.MAX_VALUE;
                    long max = Long.MIN_VALUE;
                    boolean nulls = false;
                    for (int i = column.rowStart()[b]; i < column.rowStart()[b] + column.rows()[b]; i++) {
                        int row = placement[s][i];
                        if (values.isNull(row)) {
                            nulls = true;
                            continue;
                        }
                        min = Math.min(min, values.key(row));
                        max = Math.max(max, values.key(row));
                    }
                    boolean meets = false;
                    KeyRanges range = ranges.get(f);
                    if (range.nullsOnly()) {
                        meets = nulls;
                    }
                    for (int r = 0; r < range.intervals() && min <= max; r++) {
                        meets |= range.low(r) <= max && range.high(r) >= min;
                    }
                    if (!meets) {
                        for (int i = column.rowStart()[b]; i < column.rowStart()[b] + column.rows()[b]; i++) {
                            survives[i] = false;
                        }
                    }
                }
            }
            for (int r = 0; r < read.length; r++) {
                ColumnLayout column = layout.columns().get(read[r]);
                for (int b = column.sliceFirstBlock()[s]; b < column.sliceFirstBlock()[s + 1]; b++) {
                    for (int i = column.rowStart()[b]; i < column.rowStart()[b] + column.rows()[b]; i++) {
                        if (survives[i]) {
                            blocks[r]++;
                            break;
                        }
                    }
                }
            }
        }
        return blocks;
    }

    private static void checkEveryMatchingRowIsRead(TableData data, StorageLayout layout, int[][] placement, List<Integer> filtered, List<KeyRanges> ranges, int[] read)
    {
        for (int s = 0; s < placement.length; s++) {
            boolean[] matching = new boolean[placement[s].length];
            for (int i = 0; i < matching.length; i++) {
                int row = placement[s][i];
                boolean all = true;
                for (int f = 0; f < filtered.size() && all; f++) {
                    ColumnData values = data.columns().get(filtered.get(f));
                    all = !values.isNull(row) && ranges.get(f).matches(values.key(row));
                }
                matching[i] = all;
            }
            int[] filteredColumns = filtered.stream().mapToInt(Integer::intValue).toArray();
            for (int r : read) {
                ColumnLayout column = layout.columns().get(r);
                for (int b = column.sliceFirstBlock()[s]; b < column.sliceFirstBlock()[s + 1]; b++) {
                    for (int i = column.rowStart()[b]; i < column.rowStart()[b] + column.rows()[b]; i++) {
                        if (matching[i]) {
                            // the block holding a matching row is read: scanning it alone must count it
                            assertThat(blockSurvives(layout, filteredColumns, ranges, s, i)).isTrue();
                            break;
                        }
                    }
                }
            }
        }
    }

    private static boolean blockSurvives(StorageLayout layout, int[] filtered, List<KeyRanges> ranges, int slice, int position)
    {
        for (int f = 0; f < filtered.length; f++) {
            ColumnLayout column = layout.columns().get(filtered[f]);
            for (int b = column.sliceFirstBlock()[slice]; b < column.sliceFirstBlock()[slice + 1]; b++) {
                if (position >= column.rowStart()[b] && position < column.rowStart()[b] + column.rows()[b]
                        && !ranges.get(f).mayMatch(column.min()[b], column.max()[b], column.hasNull()[b])) {
                    return false;
                }
            }
        }
        return true;
    }
}
