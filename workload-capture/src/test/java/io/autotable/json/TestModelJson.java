package io.autotable.json;

import io.autotable.catalog.Catalog;
import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnStats;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.catalog.ValueFrequency;
import io.autotable.design.DistStyle;
import io.autotable.design.Encoding;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.workload.Aggregate;
import io.autotable.workload.ColumnRef;
import io.autotable.workload.JoinPair;
import io.autotable.workload.JoinType;
import io.autotable.workload.Predicate;
import io.autotable.workload.PredicateOperator;
import io.autotable.workload.QueryEvent;
import io.autotable.workload.QueryGroup;
import io.autotable.workload.QueryShape;
import io.autotable.workload.StatementKind;
import io.autotable.workload.Workload;
import io.autotable.workload.Write;
import io.autotable.workload.WriteKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestModelJson
{
    static Table lineitem()
    {
        ColumnStats orderkeyStats = new ColumnStats(60_175, 0, 15_000, true, Optional.of("1"), Optional.of("60000"),
                List.of(new ValueFrequency("32", 0.000116)), List.of("1", "30000", "60000"), 4);
        ColumnStats commentStats = new ColumnStats(60_175, 0.25, 59_000, false, Optional.of("a"), Optional.of("zz"),
                List.of(), List.of(), 26.5);
        return new Table("LINEITEM", List.of(
                Column.notNull("l_orderkey", ColumnType.of(ColumnType.Kind.INTEGER)).withStats(orderkeyStats),
                Column.notNull("l_extendedprice", ColumnType.decimal(15, 2)),
                Column.of("l_comment", ColumnType.varchar(44)).withStats(commentStats),
                Column.of("l_shipdate", ColumnType.of(ColumnType.Kind.DATE))),
                60_175, 7_000_000);
    }

    static QueryShape shape()
    {
        ColumnRef orderkey = new ColumnRef("lineitem", "l_orderkey");
        ColumnRef ordersKey = new ColumnRef("orders", "o_orderkey");
        ColumnRef shipdate = new ColumnRef("lineitem", "l_shipdate");
        return new QueryShape(StatementKind.INSERT, List.of("orders", "lineitem"), List.of(new Write("summary", WriteKind.INSERT)),
                List.of(orderkey, ordersKey, shipdate),
                List.of(new JoinPair(orderkey, ordersKey, JoinType.INNER)),
                List.of(new Predicate(shipdate, PredicateOperator.BETWEEN, List.of("1994-01-01", "1994-12-31")),
                        new Predicate(orderkey, PredicateOperator.IS_NOT_NULL, List.of())),
                List.of(shipdate), List.of(shipdate), List.of(), true,
                List.of(new Aggregate("SUM", Optional.of(orderkey), false), new Aggregate("count", Optional.empty(), false)));
    }

    @Test
    void catalogRoundTripsWithStatistics()
    {
        Catalog catalog = new Catalog(List.of(lineitem(), Table.declared("nation", List.of(Column.of("n_name", ColumnType.character(25))))));

        Catalog read = Json.read(Json.write(catalog), Catalog.class, "test");

        assertThat(read).isEqualTo(catalog);
        assertThat(read.tables()).extracting(Table::name).containsExactly("lineitem", "nation");
    }

    @Test
    void physicalDesignRoundTrips()
    {
        PhysicalDesign design = PhysicalDesign.empty()
                .with("lineitem", new TableDesign(DistStyle.KEY, Optional.of("l_orderkey"), SortStyle.COMPOUND, List.of("l_shipdate", "l_orderkey"),
                        Map.of("l_comment", Encoding.ZSTD, "l_orderkey", Encoding.AZ64)))
                .with("nation", TableDesign.initial().withDistribution(DistStyle.ALL, Optional.empty()));

        assertThat(Json.read(Json.write(design), PhysicalDesign.class, "test")).isEqualTo(design);
    }

    @Test
    void eventsShapesAndWorkloadsRoundTrip()
    {
        QueryEvent succeeded = QueryEvent.succeeded("tpch-run", "42", "analyst", Instant.parse("2026-11-23T10:15:30.123456Z"), 1_500, 10, "select 1", "f1");
        QueryEvent failed = QueryEvent.failed("tpch-run", "43", "analyst", Instant.parse("2026-11-23T10:15:31Z"), 7, "select x", "f2", "no column x");
        Workload workload = new Workload(List.of(
                new QueryGroup("f1", 3, 4_500, "select 1", Optional.of(shape()), Optional.empty()),
                new QueryGroup("f2", 1, 7, "select x", Optional.empty(), Optional.of("line 1: no column x"))));

        assertThat(Json.read(Json.write(succeeded), QueryEvent.class, "test")).isEqualTo(succeeded);
        assertThat(Json.read(Json.write(failed), QueryEvent.class, "test")).isEqualTo(failed);
        assertThat(Json.read(Json.write(shape()), QueryShape.class, "test")).isEqualTo(shape());
        assertThat(Json.read(Json.write(workload), Workload.class, "test")).isEqualTo(workload);
    }

    @Test
    void tableDesignJsonHasTheDocumentedFieldNames()
    {
        TableDesign design = new TableDesign(DistStyle.KEY, Optional.of("l_orderkey"), SortStyle.COMPOUND, List.of("l_shipdate"),
                Map.of("l_comment", Encoding.ZSTD));

        assertThat(Json.write(design)).isEqualTo(
                "{\"distribution\":\"KEY\",\"distkey\":\"l_orderkey\",\"sortStyle\":\"COMPOUND\",\"sortkey\":[\"l_shipdate\"],\"encodings\":{\"l_comment\":\"ZSTD\"}}");
    }

    @Test
    void columnJsonWritesTypesAsSql()
    {
        assertThat(Json.write(Column.notNull("l_extendedprice", ColumnType.decimal(15, 2))))
                .isEqualTo("{\"name\":\"l_extendedprice\",\"type\":\"DECIMAL(15,2)\",\"nullable\":false}");
        assertThat(Json.write(new JoinPair(new ColumnRef("a", "x"), new ColumnRef("b", "y"), JoinType.LEFT)))
                .isEqualTo("{\"left\":\"a.x\",\"right\":\"b.y\",\"type\":\"LEFT\"}");
    }

    @Test
    void rejectsUnknownFieldsNamingWhere()
    {
        assertThatThrownBy(() -> Json.read("{\"distribution\":\"EVEN\",\"sortStyle\":\"NONE\",\"sortkey\":[],\"encodings\":{},\"distkye\":\"x\"}",
                TableDesign.class, "design.json"))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining("design.json")
                .hasMessageContaining("distkye")
                .extracting(e -> ((CaptureException) e).errorCode()).isEqualTo(ErrorCode.INVALID_JSON);
    }

    @Test
    void rejectsValuesThatBreakTheModelsInvariants()
    {
        assertThatThrownBy(() -> Json.read("{\"distribution\":\"KEY\",\"sortStyle\":\"NONE\",\"sortkey\":[],\"encodings\":{}}",
                TableDesign.class, "design.json"))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining("design.json")
                .hasMessageContaining("distribution KEY needs a distkey column");
    }
}
