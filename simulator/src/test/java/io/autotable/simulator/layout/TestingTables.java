package io.autotable.simulator.layout;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random tables for the simulator's tests: {@code id} BIGINT (0..rows-1 in a shuffled
 * order), {@code k} INTEGER with few, skewed values, {@code amount} DECIMAL(12,2) with nulls,
 * {@code label} VARCHAR(20) from a small vocabulary with nulls, {@code day} DATE over two years.
 */
public final class TestingTables
{
    public static final List<String> LABELS = List.of("alpha", "beta", "gamma", "delta", "epsilon-long-label", "zeta", "eta", "alphabet");

    private TestingTables() {}

    public static TableData random(String name, int rows, long seed)
    {
        SplittableRandom random = new SplittableRandom(seed);
        long[] ids = new long[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = i;
        }
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = ids[i];
            ids[i] = ids[j];
            ids[j] = swap;
        }
        long[] k = new long[rows];
        long[] amounts = new long[rows];
        boolean[] amountNulls = new boolean[rows];
        long[] days = new long[rows];
        byte[] heap = new byte[rows * 20];
        int[] offsets = new int[rows + 1];
        boolean[] labelNulls = new boolean[rows];
        int size = 0;
        for (int i = 0; i < rows; i++) {
            // a skewed key: small values far more often
            k[i] = (long) Math.floor(Math.pow(random.nextDouble(), 3) * 50);
            if (random.nextInt(20) == 0) {
                amountNulls[i] = true;
            }
            else {
                amounts[i] = random.nextLong(-100_000, 10_000_000);
            }
            // days trend upwards with load order, as real fact tables do, with noise
            days[i] = 18_000 + (long) i * 730 / Math.max(1, rows) + random.nextInt(30);
            if (random.nextInt(15) == 0) {
                labelNulls[i] = true;
            }
            else {
                byte[] label = LABELS.get(random.nextInt(LABELS.size())).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(label, 0, heap, size, label.length);
                size += label.length;
            }
            offsets[i + 1] = size;
        }
        Table table = new Table(name, List.of(
                Column.notNull("id", ColumnType.of(ColumnType.Kind.BIGINT)),
                Column.notNull("k", ColumnType.of(ColumnType.Kind.INTEGER)),
                Column.of("amount", ColumnType.decimal(12, 2)),
                Column.of("label", ColumnType.varchar(20)),
                Column.notNull("day", ColumnType.of(ColumnType.Kind.DATE))), rows, 0);
        return new TableData(table, List.of(
                ColumnData.ofLongs("id", table.columns().get(0).type(), ids, null, rows),
                ColumnData.ofLongs("k", table.columns().get(1).type(), k, null, rows),
                ColumnData.ofLongs("amount", table.columns().get(2).type(), amounts, amountNulls, rows),
                ColumnData.ofText("label", table.columns().get(3).type(), heap, offsets, labelNulls, rows),
                ColumnData.ofLongs("day", table.columns().get(4).type(), days, null, rows)), rows);
    }
}
