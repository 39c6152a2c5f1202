package io.autotable.simulator.cost;

import io.autotable.catalog.Catalog;
import io.autotable.design.DistStyle;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.layout.ColumnData;
import io.autotable.simulator.layout.LayoutBuilder;
import io.autotable.simulator.layout.TableData;
import io.autotable.simulator.layout.TestingTables;
import io.autotable.workload.Aggregate;
import io.autotable.workload.ColumnRef;
import io.autotable.workload.JoinPair;
import io.autotable.workload.JoinType;
import io.autotable.workload.Predicate;
import io.autotable.workload.PredicateOperator;
import io.autotable.workload.QueryShape;
import io.autotable.workload.StatementKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestCostModel
{
    private static final ClusterModel CLUSTER = ClusterModel.defaultModel();
    private static final int SLICES = CLUSTER.slices();
    private static final TableData FACT = TestingTables.random("fact", 40_000, 21);
    private static final TableData DIM = TestingTables.random("dim", 6_000, 22);

    @Test
    void colocatedJoinMovesNothing()
    {
        QueryCost cost = model(key("k"), key("k")).cost(join("k", "k"));
        assertThat(cost.movements()).containsExactly(Movement.DS_DIST_NONE);
        assertThat(cost.bytesMoved()).isZero();
    }

    @Test
    void joinWithAnAllTableMovesNothing()
    {
        QueryCost cost = model(key("id"), TableDesign.initial().withDistribution(DistStyle.ALL, Optional.empty())).cost(join("id", "k"));
        assertThat(cost.movements()).containsExactly(Movement.DS_DIST_ALL_NONE);
        assertThat(cost.bytesMoved()).isZero();
    }

    @Test
    void bytesMovedEqualHashingEveryRowOfBothSides()
    {
        List<TableDesign> designs = List.of(TableDesign.initial(), key("id"), key("k"), key("day"), key("label"));
        List<String[]> joins = List.of(new String[] {"id", "k"}, new String[] {"k", "k"}, new String[] {"day", "day"}, new String[] {"label", "label"}, new String[] {"k", "id"});
        int checked = 0;
        for (TableDesign factDesign : designs) {
            for (TableDesign dimDesign : designs) {
                for (String[] pair : joins) {
                    QueryCost cost = model(factDesign, dimDesign).cost(join(pair[0], pair[1]));
                    Step step = cost.steps().stream().filter(s -> s.kind() == Step.Kind.JOIN).findFirst().orElseThrow();
                    double expected = naiveMovedBytes(step.movement().orElseThrow(), factDesign, dimDesign, pair[0], pair[1]);
                    assertThat(step.bytesMoved()).as("fact %s, dim %s, join %s = %s: %s", factDesign.distkey(), dimDesign.distkey(), pair[0], pair[1], step.movement())
                            .isCloseTo(expected, within(1e-6 * Math.max(1, expected)));
                    // the planner takes the cheapest movement of the ones possible
                    assertThat(step.bytesMoved()).isLessThanOrEqualTo(naiveCheapest(factDesign, dimDesign, pair[0], pair[1]) + 1e-6);
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(125);
    }

    @Test
    void aggregationRedistributesUnlessGroupedOnTheDistributionKey()
    {
        QueryShape groupByK = new QueryShape(StatementKind.SELECT, List.of("fact"), List.of(), List.of(ColumnRef.parse("fact.k"), ColumnRef.parse("fact.amount")),
                List.of(), List.of(), List.of(ColumnRef.parse("fact.k")), List.of(), List.of(), false,
                List.of(new Aggregate("sum", Optional.of(ColumnRef.parse("fact.amount")), false)));
        assertThat(model(key("k"), key("k")).cost(groupByK).movements()).containsExactly(Movement.DS_DIST_NONE);
        QueryCost even = model(TableDesign.initial(), key("k")).cost(groupByK);
        assertThat(even.movements()).containsExactly(Movement.REDISTRIBUTE_AGGREGATE);
        assertThat(even.bytesMoved()).isPositive();
    }

    @Test
    void sortKeyOnTheFilteredColumnScansFewerBytes()
    {
        TableData big = TestingTables.random("fact", 800_000, 23);
        QueryShape lastMonth = new QueryShape(StatementKind.SELECT, List.of("fact"), List.of(), List.of(ColumnRef.parse("fact.amount"), ColumnRef.parse("fact.day")),
                List.of(), List.of(new Predicate(ColumnRef.parse("fact.day"), PredicateOperator.GREATER_THAN_OR_EQUAL, List.of("2021-03-01"))),
                List.of(), List.of(), List.of(), false, List.of());
        ClusterModel small = new ClusterModel("one", 1, 1, ClusterModel.BLOCK_BYTES, 500e6, CLUSTER.decodeBytesPerSecond(), 1e9, 50e6, 0.005);
        LayoutBuilder builder = new LayoutBuilder(small);
        Catalog catalog = new Catalog(List.of(big.table()));
        // sorted on another column, days are spread over every block
        QueryCost unsorted = new CostModel(small, catalog, Map.of("fact", builder.build(big, TableDesign.initial().withSortKey(SortStyle.COMPOUND, List.of("k"))))).cost(lastMonth);
        QueryCost sorted = new CostModel(small, catalog, Map.of("fact", builder.build(big, TableDesign.initial().withSortKey(SortStyle.COMPOUND, List.of("day"))))).cost(lastMonth);
        assertThat(sorted.bytesScanned()).isLessThan(unsorted.bytesScanned() / 2);
        assertThat(sorted.seconds()).isLessThan(unsorted.seconds());
        assertThat(sorted.explain()).contains("SCAN", "fact (day greater_than_or_equal 2021-03-01)", "blocks");
    }

    private static TableDesign key(String column)
    {
        return TableDesign.initial().withDistribution(DistStyle.KEY, Optional.of(column));
    }

    private static CostModel model(TableDesign factDesign, TableDesign dimDesign)
    {
        LayoutBuilder builder = new LayoutBuilder(CLUSTER);
        return new CostModel(CLUSTER, new Catalog(List.of(FACT.table(), DIM.table())),
                Map.of("fact", builder.build(FACT, factDesign), "dim", builder.build(DIM, dimDesign)));
    }

    private static QueryShape join(String factColumn, String dimColumn)
    {
        ColumnRef left = new ColumnRef("fact", factColumn);
        ColumnRef right = new ColumnRef("dim", dimColumn);
        return new QueryShape(StatementKind.SELECT, List.of("fact", "dim"), List.of(), List.of(left, right),
                List.of(new JoinPair(left, right, JoinType.INNER)), List.of(), List.of(), List.of(), List.of(), false, List.of());
    }

    // rows of a table whose slice under hashing on the column differs from their slice under its design, times the column's width
    private static double naiveRedistribution(TableData data, TableDesign design, String column)
    {
        ColumnData values = data.columns().get(data.columnIndex(column));
        ColumnData key = design.distkey().map(name -> data.columns().get(data.columnIndex(name))).orElse(null);
        double bytes = 0;
        long width = 0;
        for (int row = 0; row < data.rows(); row++) {
            int now = key == null ? row % SLICES : slice(key, row);
            if (slice(values, row) != now) {
                bytes++;
            }
            width += values.isNull(row) ? 0 : values.rawWidth(row);
        }
        return bytes * width / data.rows();
    }

    private static int slice(ColumnData values, int row)
    {
        return (int) Long.remainderUnsigned(values.hash(row), SLICES);
    }

    private static double naiveMovedBytes(Movement movement, TableDesign factDesign, TableDesign dimDesign, String factColumn, String dimColumn)
    {
        return switch (movement) {
            case DS_DIST_NONE, DS_DIST_ALL_NONE -> 0;
            case DS_DIST_INNER -> naiveRedistribution(DIM, dimDesign, dimColumn);
            case DS_DIST_OUTER -> naiveRedistribution(FACT, factDesign, factColumn);
            case DS_DIST_BOTH -> naiveRedistribution(FACT, factDesign, factColumn) + naiveRedistribution(DIM, dimDesign, dimColumn);
            case DS_BCAST_INNER -> Math.min(bytes(FACT, factColumn), bytes(DIM, dimColumn)) * (CLUSTER.nodes() - 1);
            case REDISTRIBUTE_AGGREGATE -> throw new AssertionError("no aggregation here");
        };
    }

    private static double naiveCheapest(TableDesign factDesign, TableDesign dimDesign, String factColumn, String dimColumn)
    {
        boolean factHashed = factDesign.distkey().equals(Optional.of(factColumn));
        boolean dimHashed = dimDesign.distkey().equals(Optional.of(dimColumn));
        if (factHashed && dimHashed) {
            return 0;
        }
        double best = naiveMovedBytes(Movement.DS_DIST_BOTH, factDesign, dimDesign, factColumn, dimColumn);
        best = Math.min(best, naiveMovedBytes(Movement.DS_BCAST_INNER, factDesign, dimDesign, factColumn, dimColumn));
        if (factHashed) {
            best = Math.min(best, naiveMovedBytes(Movement.DS_DIST_INNER, factDesign, dimDesign, factColumn, dimColumn));
        }
        if (dimHashed) {
            best = Math.min(best, naiveMovedBytes(Movement.DS_DIST_OUTER, factDesign, dimDesign, factColumn, dimColumn));
        }
        return best;
    }

    private static double bytes(TableData data, String column)
    {
        ColumnData values = data.columns().get(data.columnIndex(column));
        double width = 0;
        for (int row = 0; row < data.rows(); row++) {
            width += values.isNull(row) ? 0 : values.rawWidth(row);
        }
        return width;
    }
}
