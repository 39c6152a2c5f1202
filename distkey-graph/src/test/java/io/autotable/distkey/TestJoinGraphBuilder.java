package io.autotable.distkey;

import io.autotable.catalog.Catalog;
import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnStats;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.distkey.DistKeySolver.Plan;
import io.autotable.distkey.exact.BranchAndBoundDistKeySolver;
import io.autotable.workload.ColumnRef;
import io.autotable.workload.JoinPair;
import io.autotable.workload.JoinType;
import io.autotable.workload.Predicate;
import io.autotable.workload.PredicateOperator;
import io.autotable.workload.QueryGroup;
import io.autotable.workload.QueryShape;
import io.autotable.workload.StatementKind;
import io.autotable.workload.Workload;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestJoinGraphBuilder
{
    private static final ColumnType BIGINT = ColumnType.of(ColumnType.Kind.BIGINT);

    // lineitem 400 kB, orders 100 kB, customer 10 kB; 4 nodes x 4 slices: broadcast copies to 3 nodes, redistribution moves 15/16
    private static final Catalog CATALOG = new Catalog(List.of(
            new Table("lineitem", List.of(
                    Column.notNull("l_orderkey", BIGINT),
                    Column.notNull("l_suppkey", BIGINT),
                    Column.notNull("l_quantity", BIGINT).withStats(stats(4000, 50, Optional.of("0"), Optional.of("100")))), 4000, 400_000),
            new Table("orders", List.of(
                    Column.notNull("o_orderkey", BIGINT),
                    Column.notNull("o_custkey", BIGINT)), 1000, 100_000),
            new Table("customer", List.of(
                    Column.notNull("c_custkey", BIGINT),
                    Column.notNull("c_segment", ColumnType.varchar(10)).withStats(stats(100, 5, Optional.empty(), Optional.empty()))), 100, 10_000)));

    @Test
    void weighsEachJoinByTheBytesItWouldMoveTimesItsRuns()
    {
        Workload workload = new Workload(List.of(
                // 10 runs, no filter: broadcast orders 100 000 x 3 = 300 000 < redistribute 500 000 x 15/16
                group("q1", 10, 1000, shape(List.of(join("lineitem.l_orderkey", "orders.o_orderkey")), List.of())),
                // 5 more runs of the same join from another query: merged, + 1 500 000
                group("q4", 5, 500, shape(List.of(join("orders.o_orderkey", "lineitem.l_orderkey")), List.of())),
                // 2 runs, customer filtered to 1/5 (2 000 bytes): broadcast 6 000 < redistribute 102 000 x 15/16; the self join is dropped
                group("q2", 2, 200, shape(
                        List.of(join("orders.o_custkey", "customer.c_custkey"), join("orders.o_orderkey", "orders.o_custkey")),
                        List.of(new Predicate(ColumnRef.parse("customer.c_segment"), PredicateOperator.EQUAL, List.of("BUILDING"))))),
                // 3 runs of a composite join, lineitem filtered to a quarter (100 000 bytes): redistribute 200 000 x 15/16 = 187 500 < broadcast 300 000
                group("q3", 3, 300, shape(
                        List.of(join("lineitem.l_orderkey", "orders.o_orderkey"), join("lineitem.l_suppkey", "orders.o_custkey")),
                        List.of(new Predicate(ColumnRef.parse("lineitem.l_quantity"), PredicateOperator.BETWEEN, List.of("0", "25"))))),
                new QueryGroup("unparsed", 7, 700, "select nonsense", Optional.empty(), Optional.of("syntax error"))));

        JoinGraph graph = JoinGraphBuilder.build(workload, CATALOG, DistributionCostModel.DEFAULT);

        assertThat(graph.tables()).containsExactly("customer", "lineitem", "orders");
        assertThat(graph.edges()).hasSize(3);
        assertThat(graph.edges()).satisfiesExactly(
                edge -> {
                    assertThat(edge.tableA()).isEqualTo("customer");
                    assertThat(edge.pairs()).containsExactly(new JoinEdge.ColumnPair("c_custkey", "o_custkey"));
                    assertThat(edge.weight()).isCloseTo(2 * 6_000, within(1e-6));
                    assertThat(edge.queries()).containsExactly("q2");
                },
                edge -> {
                    assertThat(edge.pairs()).containsExactly(new JoinEdge.ColumnPair("l_orderkey", "o_orderkey"));
                    assertThat(edge.weight()).isCloseTo(10 * 300_000 + 5 * 300_000, within(1e-6));
                    assertThat(edge.queries()).containsExactly("q1", "q4");
                },
                edge -> {
                    assertThat(edge.pairs()).containsExactly(new JoinEdge.ColumnPair("l_orderkey", "o_orderkey"), new JoinEdge.ColumnPair("l_suppkey", "o_custkey"));
                    assertThat(edge.weight()).isCloseTo(3 * 187_500, within(1e-6));
                    assertThat(edge.queries()).containsExactly("q3");
                });

        // keying lineitem and orders on the order key colocates the plain and the composite join; customer's is lost
        Plan plan = new BranchAndBoundDistKeySolver().solve(graph);
        assertThat(plan.optimal()).isTrue();
        assertThat(plan.colocatedWeight()).isCloseTo(4_500_000 + 562_500, within(1e-6));
        assertThat(plan.key("lineitem")).contains("l_orderkey");
        assertThat(plan.key("orders")).contains("o_orderkey");
    }

    @Test
    void fallsBackToRowsTimesEightThenToOneByteWhenSizesAreUnknown()
    {
        Catalog catalog = new Catalog(List.of(
                new Table("a", List.of(Column.of("x", BIGINT)), 100, 0),
                new Table("b", List.of(Column.of("x", BIGINT)), 0, 0)));

        assertThat(JoinGraphBuilder.bytes(catalog, "a", List.of())).isEqualTo(800);
        assertThat(JoinGraphBuilder.bytes(catalog, "b", List.of())).isEqualTo(1);
        assertThat(JoinGraphBuilder.bytes(catalog, "not_in_catalog", List.of())).isEqualTo(1);
    }

    @Test
    void oneNodeClusterMovesNothing()
    {
        assertThat(new DistributionCostModel(1, 8).bytesMovedUnlessColocated(1000, 10)).isZero();
        assertThat(new DistributionCostModel(2, 1).bytesMovedUnlessColocated(1000, 10)).isEqualTo(10);
        assertThat(new DistributionCostModel(8, 2).bytesMovedUnlessColocated(100, 100)).isEqualTo(200.0 * 15 / 16);
    }

    static ColumnStats stats(long rows, long distinct, Optional<String> min, Optional<String> max)
    {
        return new ColumnStats(rows, 0, distinct, true, min, max, List.of(), List.of(), 8);
    }

    private static JoinPair join(String left, String right)
    {
        return new JoinPair(ColumnRef.parse(left), ColumnRef.parse(right), JoinType.INNER);
    }

    private static QueryShape shape(List<JoinPair> joins, List<Predicate> predicates)
    {
        List<String> tables = joins.stream().flatMap(pair -> Stream.of(pair.left().table(), pair.right().table())).toList();
        return new QueryShape(StatementKind.SELECT, tables, List.of(), List.of(), joins, predicates, List.of(), List.of(), List.of(), false, List.of());
    }

    private static QueryGroup group(String fingerprint, long runs, long micros, QueryShape shape)
    {
        return new QueryGroup(fingerprint, runs, micros, "select ...", Optional.of(shape), Optional.empty());
    }
}
