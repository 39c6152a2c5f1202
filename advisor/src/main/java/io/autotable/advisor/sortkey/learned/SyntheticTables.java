package io.autotable.advisor.sortkey.learned;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.simulator.layout.ColumnData;
import io.autotable.simulator.layout.TableData;
import io.autotable.workload.Aggregate;
import io.autotable.workload.ColumnRef;
import io.autotable.workload.Predicate;
import io.autotable.workload.PredicateOperator;
import io.autotable.workload.QueryGroup;
import io.autotable.workload.QueryShape;
import io.autotable.workload.StatementKind;
import io.autotable.workload.Workload;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * Seeded synthetic tables, each with a synthetic workload, for training the sort-key model:
 * <ul>
 * <li><b>rows</b> log-uniform between the bounds given; 3 to 7 filterable columns, each of one
 *     kind: a sequence that grows with the load order (an id), a date that trends with the load
 *     order under noise of 0 days to the whole span, a uniform integer of 2 to 1,000,000 distinct
 *     values, runs of equal values (an order's lines), a date scattered over six years, a Zipf-skewed
 *     text code of 2 to 5,000 values, an amount; one in five with up to 20% nulls; and, for half the
 *     tables, a wide comment column nobody filters, which makes scans heavier;</li>
 * <li><b>workloads</b> of 2 to 10 statements, each run 1 to 500 times (log-uniform), reading 1 to 4
 *     columns (the comment in two of five), filtering 0 to 2 columns: ranges covering 0.1% to 50%
 *     of the values (between two quantiles of the column) or points (=, IN of up to 5 values drawn
 *     from the rows), and grouping by a column in half of them.</li>
 * </ul>
 * Every random choice comes from the {@link SplittableRandom} given, so a seed gives the same tables.
 */
public final class SyntheticTables
{
    private static final long DAY_ZERO = LocalDate.of(1992, 1, 1).toEpochDay();
    private static final int DAY_SPAN = 6 * 365;
    private static final List<String> WORDS = List.of("quick", "fluffy", "pending", "express", "regular", "ironic", "final", "bold", "silent", "careful",
            "blithe", "even", "special", "slyly", "furious", "deposits", "packages", "requests", "accounts", "theodolites");

    private SyntheticTables() {}

    /** A synthetic table with its workload. */
    public record TableCase(TableData data, Workload workload)
    {
        public TableCase
        {
            requireNonNull(data, "data is null");
            requireNonNull(workload, "workload is null");
        }
    }

    private enum Kind
    {
        SEQUENCE, TREND_DATE, UNIFORM_INT, RUNS, SCATTERED_DATE, CODE, AMOUNT
    }

    public static List<TableCase> generate(int count, int minRows, int maxRows, SplittableRandom random)
    {
        List<TableCase> cases = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cases.add(generateOne("synthetic_%04d".formatted(i), minRows, maxRows, random.split()));
        }
        return List.copyOf(cases);
    }

    static TableCase generateOne(String name, int minRows, int maxRows, SplittableRandom random)
    {
        int rows = (int) Math.round(Math.exp(random.nextDouble(Math.log(minRows), Math.log(maxRows) + 1e-9)));
        int filterable = random.nextInt(3, 8);
        List<Column> columns = new ArrayList<>();
        List<ColumnData> data = new ArrayList<>();
        List<Kind> kinds = new ArrayList<>();
        for (int c = 0; c < filterable; c++) {
            Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
            String column = "c%d_%s".formatted(c, kind.name().toLowerCase(java.util.Locale.ROOT));
            double nullFraction = random.nextInt(5) == 0 ? random.nextDouble(0.2) : 0;
            ColumnData values = column(column, kind, rows, nullFraction, random.split());
            columns.add(new Column(column, values.type(), nullFraction > 0, Optional.empty()));
            data.add(values);
            kinds.add(kind);
        }
        boolean comment = random.nextBoolean();
        if (comment) {
            ColumnData values = comment("comment", rows, random.split());
            columns.add(new Column("comment", values.type(), false, Optional.empty()));
            data.add(values);
        }
        Table table = new Table(name, columns, rows, 0);
        TableData tableData = new TableData(table, data, rows);
        return new TableCase(tableData, workload(tableData, filterable, kinds, comment, random.split()));
    }

    private static Workload workload(TableData data, int filterable, List<Kind> kinds, boolean comment, SplittableRandom random)
    {
        String table = data.table().name();
        int statements = random.nextInt(2, 11);
        List<QueryGroup> groups = new ArrayList<>();
        for (int s = 0; s < statements; s++) {
            Set<String> read = new LinkedHashSet<>();
            int reads = random.nextInt(1, 5);
            for (int r = 0; r < reads; r++) {
                read.add(data.columns().get(random.nextInt(filterable)).name());
            }
            if (comment && random.nextInt(5) < 2) {
                read.add("comment");
            }
            List<Predicate> predicates = new ArrayList<>();
            int filters = random.nextInt(7) == 0 ? 0 : random.nextInt(1, 3);
            Set<Integer> filtered = new LinkedHashSet<>();
            for (int f = 0; f < filters; f++) {
                filtered.add(random.nextInt(filterable));
            }
            for (int column : filtered) {
                ColumnData values = data.columns().get(column);
                predicates.addAll(predicates(table, values, kinds.get(column), random));
                read.add(values.name());
            }
            List<ColumnRef> groupBy = new ArrayList<>();
            if (random.nextBoolean()) {
                String group = data.columns().get(random.nextInt(filterable)).name();
                groupBy.add(new ColumnRef(table, group));
                read.add(group);
            }
            List<ColumnRef> columns = read.stream().map(column -> new ColumnRef(table, column)).toList();
            List<Aggregate> aggregates = List.of(new Aggregate("count", Optional.empty(), false));
            QueryShape shape = new QueryShape(StatementKind.SELECT, List.of(table), List.of(), columns, List.of(), predicates, groupBy, List.of(), List.of(), false, aggregates);
            long runs = Math.round(Math.exp(random.nextDouble(Math.log(500))));
            groups.add(new QueryGroup("%s-q%02d".formatted(table, s), Math.max(1, runs), 0, "-- synthetic statement %d on %s".formatted(s, table), Optional.of(shape), Optional.empty()));
        }
        return new Workload(groups);
    }

    private static List<Predicate> predicates(String table, ColumnData values, Kind kind, SplittableRandom random)
    {
        ColumnRef column = new ColumnRef(table, values.name());
        boolean range = kind != Kind.CODE && random.nextInt(3) != 0;
        if (range) {
            long[] sorted = sortedKeys(values, random);
            if (sorted.length == 0) {
                return List.of();
            }
            double width = Math.exp(random.nextDouble(Math.log(0.001), Math.log(0.5)));
            double start = random.nextDouble(1 - width);
            long low = sorted[(int) Math.min(sorted.length - 1, start * sorted.length)];
            long high = sorted[(int) Math.min(sorted.length - 1, (start + width) * sorted.length)];
            if (random.nextBoolean()) {
                return List.of(new Predicate(column, PredicateOperator.BETWEEN, List.of(literal(values, low), literal(values, high))));
            }
            return List.of(new Predicate(column, PredicateOperator.GREATER_THAN_OR_EQUAL, List.of(literal(values, low))),
                    new Predicate(column, PredicateOperator.LESS_THAN, List.of(literal(values, high))));
        }
        int points = random.nextInt(3) == 0 ? random.nextInt(2, 6) : 1;
        List<String> literals = new ArrayList<>();
        for (int p = 0; p < points; p++) {
            int row = random.nextInt(values.rows());
            if (!values.isNull(row)) {
                String literal = values.isText() ? values.string(row) : literal(values, values.value(row));
                if (!literals.contains(literal)) {
                    literals.add(literal);
                }
            }
        }
        if (literals.isEmpty()) {
            return List.of(new Predicate(column, PredicateOperator.IS_NULL, List.of()));
        }
        return List.of(new Predicate(column, literals.size() == 1 ? PredicateOperator.EQUAL : PredicateOperator.IN, literals));
    }

    // a sorted sample of the column's non-null values, for quantiles
    private static long[] sortedKeys(ColumnData values, SplittableRandom random)
    {
        int size = Math.min(values.rows(), 2_000);
        long[] keys = new long[size];
        int count = 0;
        for (int i = 0; i < size; i++) {
            int row = random.nextInt(values.rows());
            if (!values.isNull(row)) {
                keys[count++] = values.value(row);
            }
        }
        long[] sorted = Arrays.copyOf(keys, count);
        Arrays.sort(sorted);
        return sorted;
    }

    private static String literal(ColumnData values, long value)
    {
        return switch (values.type().kind()) {
            case DATE -> LocalDate.ofEpochDay(value).toString();
            case DECIMAL -> BigDecimal.valueOf(value, values.type().scale()).toPlainString();
            default -> Long.toString(value);
        };
    }

    private static ColumnData column(String name, Kind kind, int rows, double nullFraction, SplittableRandom random)
    {
        boolean[] nulls = nullFraction > 0 ? new boolean[rows] : null;
        if (nulls != null) {
            for (int i = 0; i < rows; i++) {
                nulls[i] = random.nextDouble() < nullFraction;
            }
        }
        if (kind == Kind.CODE) {
            return codes(name, rows, nulls, random);
        }
        long[] values = new long[rows];
        ColumnType type;
        switch (kind) {
            case SEQUENCE -> {
                type = ColumnType.of(ColumnType.Kind.BIGINT);
                long step = random.nextInt(1, 10);
                long next = random.nextLong(1_000_000);
                for (int i = 0; i < rows; i++) {
                    next += random.nextLong(1, step + 1);
                    values[i] = next;
                }
            }
            case TREND_DATE -> {
                type = ColumnType.of(ColumnType.Kind.DATE);
                int[] noises = {0, 7, 30, 90, 365, DAY_SPAN};
                int noise = noises[random.nextInt(noises.length)];
                for (int i = 0; i < rows; i++) {
                    values[i] = DAY_ZERO + (long) i * DAY_SPAN / rows + (noise == 0 ? 0 : random.nextInt(noise + 1)) - noise / 2;
                }
            }
            case UNIFORM_INT -> {
                type = ColumnType.of(ColumnType.Kind.INTEGER);
                int distinct = (int) Math.round(Math.exp(random.nextDouble(Math.log(2), Math.log(1_000_000))));
                for (int i = 0; i < rows; i++) {
                    values[i] = random.nextInt(distinct);
                }
            }
            case RUNS -> {
                type = ColumnType.of(ColumnType.Kind.INTEGER);
                int runLength = random.nextInt(2, 200);
                int distinct = Math.max(2, rows / runLength);
                int i = 0;
                while (i < rows) {
                    long value = random.nextInt(distinct);
                    int length = random.nextInt(1, 2 * runLength);
                    for (int j = 0; j < length && i < rows; j++, i++) {
                        values[i] = value;
                    }
                }
            }
            case SCATTERED_DATE -> {
                type = ColumnType.of(ColumnType.Kind.DATE);
                for (int i = 0; i < rows; i++) {
                    values[i] = DAY_ZERO + random.nextInt(DAY_SPAN);
                }
            }
            case AMOUNT -> {
                type = ColumnType.decimal(12, 2);
                for (int i = 0; i < rows; i++) {
                    values[i] = Math.round(Math.exp(random.nextDouble(Math.log(100), Math.log(10_000_000))));
                }
            }
            default -> throw new IllegalStateException("unexpected kind " + kind);
        }
        if (nulls != null) {
            for (int i = 0; i < rows; i++) {
                if (nulls[i]) {
                    values[i] = 0;
                }
            }
        }
        return ColumnData.ofLongs(name, type, values, nulls, rows);
    }

    // Zipf-skewed codes like "CODE-00042"
    private static ColumnData codes(String name, int rows, boolean[] nulls, SplittableRandom random)
    {
        int distinct = (int) Math.round(Math.exp(random.nextDouble(Math.log(2), Math.log(5_000))));
        double skew = random.nextDouble(0, 1.5);
        double[] cumulative = new double[distinct];
        double total = 0;
        for (int v = 0; v < distinct; v++) {
            total += 1 / Math.pow(v + 1, skew);
            cumulative[v] = total;
        }
        byte[][] vocabulary = new byte[distinct][];
        for (int v = 0; v < distinct; v++) {
            vocabulary[v] = "CODE-%05d".formatted(v).getBytes(StandardCharsets.UTF_8);
        }
        byte[] heap = new byte[rows * 10];
        int[] offsets = new int[rows + 1];
        int size = 0;
        for (int i = 0; i < rows; i++) {
            if (nulls == null || !nulls[i]) {
                int index = Arrays.binarySearch(cumulative, random.nextDouble(total));
                byte[] code = vocabulary[Math.min(distinct - 1, index < 0 ? -index - 1 : index)];
                System.arraycopy(code, 0, heap, size, code.length);
                size += code.length;
            }
            offsets[i + 1] = size;
        }
        return ColumnData.ofText(name, ColumnType.varchar(16), heap, offsets, nulls, rows);
    }

    // free text of 20 to 100 bytes from a small vocabulary
    private static ColumnData comment(String name, int rows, SplittableRandom random)
    {
        byte[] heap = new byte[rows * 100];
        int[] offsets = new int[rows + 1];
        int size = 0;
        for (int i = 0; i < rows; i++) {
            int length = random.nextInt(20, 101);
            int start = size;
            while (size - start < length) {
                byte[] word = WORDS.get(random.nextInt(WORDS.size())).getBytes(StandardCharsets.UTF_8);
                int take = Math.min(word.length, length - (size - start));
                System.arraycopy(word, 0, heap, size, take);
                size += take;
                if (size - start < length) {
                    heap[size++] = ' ';
                }
            }
            offsets[i + 1] = size;
        }
        return ColumnData.ofText(name, ColumnType.varchar(120), heap, offsets, null, rows);
    }
}
