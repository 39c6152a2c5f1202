package io.autotable.advisor;

import io.autotable.workload.ColumnRef;
import io.autotable.workload.JoinPair;
import io.autotable.workload.JoinType;
import io.autotable.workload.Predicate;
import io.autotable.workload.PredicateOperator;
import io.autotable.workload.QueryGroup;
import io.autotable.workload.QueryShape;
import io.autotable.workload.StatementKind;
import io.autotable.workload.Workload;

import java.util.List;
import java.util.Optional;

/**
 * A small workload over {@code io.autotable.simulator.layout.TestingTables}' {@code fact} and
 * {@code dim}: a narrow range filter on {@code fact.amount}, whose values are in no order (a sort
 * key's job), a join of the two on {@code id} (a distribution key's), and an aggregation of
 * {@code fact} by {@code k}. With a million rows or more, on few slices, the columns span several
 * 1 MB blocks per slice, so zone maps can skip some.
 */
public final class TestingWorkloads
{
    public static final String FILTER = "filter-amount";
    public static final String JOIN = "join-id";
    public static final String GROUP = "group-k";

    private TestingWorkloads() {}

    public static Workload factAndDim(long filterRuns, long joinRuns, long groupRuns)
    {
        return new Workload(List.of(
                group(FILTER, filterRuns, filter()),
                group(JOIN, joinRuns, join()),
                group(GROUP, groupRuns, aggregate())));
    }

    public static QueryShape filter()
    {
        ColumnRef amount = new ColumnRef("fact", "amount");
        return new QueryShape(StatementKind.SELECT, List.of("fact"), List.of(), List.of(amount, new ColumnRef("fact", "day")), List.of(),
                List.of(new Predicate(amount, PredicateOperator.BETWEEN, List.of("0", "500"))),
                List.of(), List.of(), List.of(), false, List.of());
    }

    public static QueryShape join()
    {
        ColumnRef left = new ColumnRef("fact", "id");
        ColumnRef right = new ColumnRef("dim", "id");
        return new QueryShape(StatementKind.SELECT, List.of("fact", "dim"), List.of(), List.of(left, right, new ColumnRef("fact", "amount"), new ColumnRef("dim", "label")),
                List.of(new JoinPair(left, right, JoinType.INNER)), List.of(), List.of(), List.of(), List.of(), false, List.of());
    }

    public static QueryShape aggregate()
    {
        ColumnRef k = new ColumnRef("fact", "k");
        return new QueryShape(StatementKind.SELECT, List.of("fact"), List.of(), List.of(k, new ColumnRef("fact", "amount")), List.of(), List.of(),
                List.of(k), List.of(), List.of(), false, List.of());
    }

    private static QueryGroup group(String fingerprint, long runs, QueryShape shape)
    {
        return new QueryGroup(fingerprint, runs, runs * 1000, "-- " + fingerprint, Optional.of(shape), Optional.empty());
    }
}
