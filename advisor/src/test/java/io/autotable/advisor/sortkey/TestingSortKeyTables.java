package io.autotable.advisor.sortkey;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.simulator.layout.ColumnData;
import io.autotable.simulator.layout.TableData;
import io.autotable.workload.Aggregate;
import io.autotable.workload.ColumnRef;
import io.autotable.workload.JoinPair;
import io.autotable.workload.JoinType;
import io.autotable.workload.Predicate;
import io.autotable.workload.PredicateOperator;
import io.autotable.workload.QueryGroup;
import io.autotable.workload.QueryShape;
import io.autotable.workload.StatementKind;
import io.autotable.workload.Workload;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A seeded table for sort-key tests, {@code events}: {@code id} BIGINT (shuffled), {@code day} DATE
 * scattered over 1,000 days (no correlation with the load order), {@code k} INTEGER of 20 values,
 * {@code note} VARCHAR of 60 to 100 bytes nobody filters; and statements on it built by hand.
 */
public final class TestingSortKeyTables
{
    public static final String TABLE = "events";
    public static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

    private TestingSortKeyTables() {}

    public static TableData events(int rows, long seed)
    {
        SplittableRandom random = new SplittableRandom(seed);
        long[] ids = new long[rows];
        long[] days = new long[rows];
        long[] ks = new long[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = i;
        }
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = ids[i];
            ids[i] = ids[j];
            ids[j] = swap;
        }
        byte[] heap = new byte[rows * 100];
        int[] offsets = new int[rows + 1];
        int size = 0;
        for (int i = 0; i < rows; i++) {
            days[i] = FIRST_DAY.toEpochDay() + random.nextInt(1000);
            ks[i] = random.nextInt(20);
            int length = random.nextInt(60, 101);
            for (int b = 0; b < length; b++) {
                heap[size++] = (byte) ('a' + random.nextInt(26));
            }
            offsets[i + 1] = size;
        }
        Table table = new Table(TABLE, List.of(
                Column.notNull("id", ColumnType.of(ColumnType.Kind.BIGINT)),
                Column.notNull("day", ColumnType.of(ColumnType.Kind.DATE)),
                Column.notNull("k", ColumnType.of(ColumnType.Kind.INTEGER)),
                Column.notNull("note", ColumnType.varchar(100))), rows, 0);
        return new TableData(table, List.of(
                ColumnData.ofLongs("id", table.columns().get(0).type(), ids, null, rows),
                ColumnData.ofLongs("day", table.columns().get(1).type(), days, null, rows),
                ColumnData.ofLongs("k", table.columns().get(2).type(), ks, null, rows),
                ColumnData.ofText("note", table.columns().get(3).type(), heap, offsets, null, rows)), rows);
    }

    /** A statement reading {@code columns} of events, filtered by {@code predicates}, joined by {@code joins}. */
    public static QueryGroup statement(String fingerprint, long runs, List<String> columns, List<Predicate> predicates, List<JoinPair> joins)
    {
        List<ColumnRef> refs = new ArrayList<>();
        List<String> tables = new ArrayList<>(List.of(TABLE));
        for (String column : columns) {
            refs.add(new ColumnRef(TABLE, column));
        }
        for (Predicate predicate : predicates) {
            refs.add(predicate.column());
        }
        for (JoinPair join : joins) {
            refs.add(join.left());
            refs.add(join.right());
            tables.add(join.right().table());
        }
        QueryShape shape = new QueryShape(StatementKind.SELECT, tables, List.of(), refs, joins, predicates, List.of(), List.of(), List.of(), false,
                List.of(new Aggregate("count", Optional.empty(), false)));
        return new QueryGroup(fingerprint, runs, 0, "-- " + fingerprint, Optional.of(shape), Optional.empty());
    }

    public static Predicate dayBetween(int fromDay, int toDay)
    {
        return new Predicate(new ColumnRef(TABLE, "day"), PredicateOperator.BETWEEN, List.of(FIRST_DAY.plusDays(fromDay).toString(), FIRST_DAY.plusDays(toDay).toString()));
    }

    public static Predicate idBetween(long from, long to)
    {
        return new Predicate(new ColumnRef(TABLE, "id"), PredicateOperator.BETWEEN, List.of(Long.toString(from), Long.toString(to)));
    }

    public static Predicate kEquals(int value)
    {
        return new Predicate(new ColumnRef(TABLE, "k"), PredicateOperator.EQUAL, List.of(Integer.toString(value)));
    }

    public static JoinPair joinOnId(String otherTable)
    {
        return new JoinPair(new ColumnRef(TABLE, "id"), new ColumnRef(otherTable, "event_id"), JoinType.INNER);
    }

    public static Workload workload(QueryGroup... groups)
    {
        return new Workload(List.of(groups));
    }
}
