package io.autotable.simulator.layout;

import io.autotable.design.DistStyle;
import io.autotable.design.Encoding;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.simulator.cluster.ClusterModel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TestLayoutBuilder
{
    private static final ClusterModel CLUSTER = ClusterModel.defaultModel();
    private static final int SLICES = CLUSTER.slices();

    @Test
    void keyDistributionPutsEachRowOnItsValuesHashSlice()
    {
        TableData data = TestingTables.random("t", 20_000, 1);
        for (String column : List.of("id", "k", "amount", "label", "day")) {
            TableDesign design = TableDesign.initial().withDistribution(DistStyle.KEY, Optional.of(column));
            int[][] placement = LayoutBuilder.place(data, design, SLICES);
            ColumnData values = data.columns().get(data.columnIndex(column));
            // naive: each row's slice from its value alone, and every row exactly once
            int[] seen = new int[data.rows()];
            for (int s = 0; s < SLICES; s++) {
                for (int row : placement[s]) {
                    seen[row]++;
                    long hash = values.isNull(row) ? 0 : naiveHash(values, row);
                    assertThat(Long.remainderUnsigned(hash, SLICES)).as("row %d of %s", row, column).isEqualTo(s);
                }
            }
            assertThat(seen).containsOnly(1);
        }
    }

    @Test
    void evenDistributionDealsRowsRoundRobinAndAllKeepsOneFullCopyPerNode()
    {
        TableData data = TestingTables.random("t", 10_001, 2);
        int[][] even = LayoutBuilder.place(data, TableDesign.initial(), SLICES);
        for (int s = 0; s < SLICES; s++) {
            for (int row : even[s]) {
                assertThat(row % SLICES).isEqualTo(s);
            }
            assertThat(even[s].length).isBetween(10_001 / SLICES, 10_001 / SLICES + 1);
        }
        TableDesign all = TableDesign.initial().withDistribution(DistStyle.ALL, Optional.empty());
        StorageLayout layout = new LayoutBuilder(CLUSTER).build(data, all);
        assertThat(layout.storageSlices()).isEqualTo(1);
        assertThat(layout.sliceRows()).containsExactly(10_001L);
        assertThat(layout.copies()).isEqualTo(CLUSTER.nodes());
        assertThat(layout.skew()).isEqualTo(1.0);
    }

    @Test
    void compoundSortOrdersEachSliceLexicographically()
    {
        TableData data = TestingTables.random("t", 30_000, 3);
        TableDesign design = TableDesign.initial().withSortKey(SortStyle.COMPOUND, List.of("k", "day"));
        int[][] placement = LayoutBuilder.place(data, design, SLICES);
        ColumnData k = data.columns().get(1);
        ColumnData day = data.columns().get(4);
        for (int[] slice : placement) {
            for (int i = 1; i < slice.length; i++) {
                long previous = k.key(slice[i - 1]);
                long current = k.key(slice[i]);
                assertThat(previous).isLessThanOrEqualTo(current);
                if (previous == current) {
                    assertThat(day.key(slice[i - 1])).isLessThanOrEqualTo(day.key(slice[i]));
                }
            }
        }
    }

    @Test
    void interleavedSortClustersEveryKeyColumnBetterThanLoadOrder()
    {
        TableData data = TestingTables.random("t", 40_000, 4);
        TableDesign interleaved = TableDesign.initial().withSortKey(SortStyle.INTERLEAVED, List.of("id", "amount"));
        int[][] placement = LayoutBuilder.place(data, interleaved, 1);
        int[][] loadOrder = LayoutBuilder.place(data, TableDesign.initial(), 1);
        // sum of |key difference| between neighbours: a z-order curve keeps both columns local
        for (int column : new int[] {0, 2}) {
            assertThat(neighbourDistance(data.columns().get(column), placement[0]))
                    .isLessThan(neighbourDistance(data.columns().get(column), loadOrder[0]) / 4);
        }
    }

    @Test
    void blocksCoverEverySliceRowOnceWithNaiveZoneMaps()
    {
        TableData data = TestingTables.random("t", 300_000, 5);
        TableDesign design = new TableDesign(DistStyle.KEY, Optional.of("k"), SortStyle.COMPOUND, List.of("k", "day"),
                Map.of("id", Encoding.RAW, "k", Encoding.RUNLENGTH, "amount", Encoding.ZSTD, "label", Encoding.BYTEDICT, "day", Encoding.AZ64));
        // two slices, so that columns need several 1 MiB blocks per slice
        ClusterModel cluster = new ClusterModel("two", 1, 2, ClusterModel.BLOCK_BYTES, CLUSTER.scanBytesPerSecond(), CLUSTER.decodeBytesPerSecond(),
                CLUSTER.networkBytesPerSecond(), CLUSTER.rowsPerSecond(), CLUSTER.queryOverheadSeconds());
        int slices = cluster.slices();
        StorageLayout layout = new LayoutBuilder(cluster).build(data, design);
        int[][] placement = LayoutBuilder.place(data, design, slices);
        for (int c = 0; c < data.columns().size(); c++) {
            ColumnData values = data.columns().get(c);
            ColumnLayout column = layout.columns().get(c);
            assertThat(column.encoding()).isEqualTo(design.encoding(values.name()));
            for (int s = 0; s < slices; s++) {
                int next = 0;
                for (int b = column.sliceFirstBlock()[s]; b < column.sliceFirstBlock()[s + 1]; b++) {
                    assertThat(column.rowStart()[b]).isEqualTo(next);
                    assertThat(column.encodedBytes()[b]).isBetween(1L, (long) ClusterModel.BLOCK_BYTES);
                    long min = Long.MAX_VALUE;
                    long max = Long.MIN_VALUE;
                    boolean nulls = false;
                    for (int i = next; i < next + column.rows()[b]; i++) {
                        int row = placement[s][i];
                        if (values.isNull(row)) {
                            nulls = true;
                        }
                        else {
                            min = Math.min(min, values.key(row));
                            max = Math.max(max, values.key(row));
                        }
                    }
                    assertThat(column.min()[b]).isEqualTo(min);
                    assertThat(column.max()[b]).isEqualTo(max);
                    assertThat(column.hasNull()[b]).isEqualTo(nulls);
                    next += column.rows()[b];
                }
                assertThat(next).isEqualTo(placement[s].length);
            }
        }
        // 150,000 eight-byte ids per slice do not fit one 1 MiB block: blocks are cut
        assertThat(layout.columns().get(0).blocks()).isGreaterThan(slices);
        assertThat(layout.columns().get(4).blocks()).isEqualTo(slices);
        // a run-length key column compresses far below raw
        assertThat(layout.columns().get(1).totalEncodedBytes()).isLessThan(layout.columns().get(1).totalRawBytes() / 10);
    }

    @Test
    void redistributionCountsMatchHashingEveryRow()
    {
        TableData data = TestingTables.random("t", 25_000, 6);
        TableDesign design = TableDesign.initial().withDistribution(DistStyle.KEY, Optional.of("k"));
        StorageLayout layout = new LayoutBuilder(CLUSTER).build(data, design);
        int[] current = new int[data.rows()];
        ColumnData k = data.columns().get(1);
        for (int row = 0; row < data.rows(); row++) {
            current[row] = (int) Long.remainderUnsigned(naiveHash(k, row), SLICES);
        }
        for (int c = 0; c < data.columns().size(); c++) {
            ColumnData column = data.columns().get(c);
            long[] counts = new long[SLICES];
            long moved = 0;
            for (int row = 0; row < data.rows(); row++) {
                int target = column.isNull(row) ? 0 : (int) Long.remainderUnsigned(naiveHash(column, row), SLICES);
                counts[target]++;
                moved += target != current[row] ? 1 : 0;
            }
            assertThat(layout.rowsByTargetSlice()[c]).containsExactly(counts);
            assertThat(layout.rowsMoved()[c]).isEqualTo(moved);
        }
        assertThat(layout.rowsMoved()[1]).isZero();
        assertThat(layout.skew()).isGreaterThan(1.2);
    }

    // the documented hashes, written out again: murmur3's finalizer over the value, FNV-1a first for text
    private static long naiveHash(ColumnData column, int row)
    {
        long h;
        if (column.isText()) {
            h = 0xcbf29ce484222325L;
            for (byte b : column.string(row).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                h ^= b & 0xFF;
                h *= 0x100000001b3L;
            }
        }
        else {
            h = column.value(row);
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static double neighbourDistance(ColumnData column, int[] order)
    {
        List<Long> keys = new ArrayList<>();
        for (int row : order) {
            if (!column.isNull(row)) {
                keys.add(column.key(row));
            }
        }
        long[] sorted = keys.stream().mapToLong(Long::longValue).toArray();
        long[] copy = sorted.clone();
        Arrays.sort(copy);
        double range = (double) copy[copy.length - 1] - copy[0];
        double total = 0;
        for (int i = 1; i < sorted.length; i++) {
            total += Math.abs((double) sorted[i] - sorted[i - 1]) / range;
        }
        return total;
    }
}
