package io.autotable.distkey;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnStats;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.catalog.ValueFrequency;
import io.autotable.workload.ColumnRef;
import io.autotable.workload.Predicate;
import io.autotable.workload.PredicateOperator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestSelectivity
{
    private static final Column SEGMENT = Column.of("segment", ColumnType.varchar(10)).withStats(new ColumnStats(
            1000, 0.1, 5, true, Optional.of("AUTO"), Optional.of("MACHINERY"),
            List.of(new ValueFrequency("BUILDING", 0.5)), List.of(), 8));
    private static final Column QUANTITY = Column.of("quantity", ColumnType.of(ColumnType.Kind.INTEGER)).withStats(new ColumnStats(
            1000, 0, 50, true, Optional.of("0"), Optional.of("100"), List.of(), List.of("0", "10", "100"), 4));
    private static final Column SHIPDATE = Column.of("shipdate", ColumnType.of(ColumnType.Kind.DATE)).withStats(new ColumnStats(
            1000, 0, 900, true, Optional.of("1992-01-01"), Optional.of("1998-12-31"), List.of(), List.of(), 4));
    private static final Table LINEITEM = new Table("lineitem", List.of(SEGMENT, QUANTITY, SHIPDATE), 1000, 100_000);

    @Test
    void equalityUsesMostCommonValuesThenSpreadsTheRestEvenly()
    {
        assertThat(selectivity(SEGMENT, PredicateOperator.EQUAL, "BUILDING")).isEqualTo(0.5);
        // 0.9 non-null - 0.5 common, over the 4 other values
        assertThat(selectivity(SEGMENT, PredicateOperator.EQUAL, "AUTO")).isCloseTo(0.1, within(1e-12));
        assertThat(selectivity(SEGMENT, PredicateOperator.IN, "AUTO", "BUILDING")).isCloseTo(0.6, within(1e-12));
        assertThat(selectivity(SEGMENT, PredicateOperator.NOT_EQUAL, "BUILDING")).isCloseTo(0.4, within(1e-12));
        assertThat(selectivity(SEGMENT, PredicateOperator.IS_NULL)).isCloseTo(0.1, within(1e-12));
        assertThat(selectivity(SEGMENT, PredicateOperator.LIKE_PREFIX, "BUI")).isEqualTo(0.1);
    }

    @Test
    void rangesInterpolateInsideHistogramBuckets()
    {
        // two buckets, [0, 10) and [10, 100]: 5 is a quarter of the way, 55 three quarters
        assertThat(selectivity(QUANTITY, PredicateOperator.LESS_THAN, "5")).isCloseTo(0.25, within(1e-12));
        assertThat(selectivity(QUANTITY, PredicateOperator.GREATER_THAN_OR_EQUAL, "55")).isCloseTo(0.25, within(1e-12));
        assertThat(selectivity(QUANTITY, PredicateOperator.BETWEEN, "5", "55")).isCloseTo(0.5, within(1e-12));
        assertThat(selectivity(QUANTITY, PredicateOperator.LESS_THAN, "-1")).isZero();
        assertThat(selectivity(QUANTITY, PredicateOperator.GREATER_THAN, "1000")).isZero();
    }

    @Test
    void dateRangesInterpolateBetweenMinAndMax()
    {
        double span = LocalDate.parse("1998-12-31").toEpochDay() - LocalDate.parse("1992-01-01").toEpochDay();
        double before = LocalDate.parse("1995-01-01").toEpochDay() - LocalDate.parse("1992-01-01").toEpochDay();

        assertThat(selectivity(SHIPDATE, PredicateOperator.LESS_THAN, "1995-01-01")).isCloseTo(before / span, within(1e-12));
    }

    @Test
    void withoutStatisticsTakesTheDefault()
    {
        Column bare = Column.of("comment", ColumnType.varchar(44));

        assertThat(selectivity(bare, PredicateOperator.EQUAL, "x")).isEqualTo(Selectivity.DEFAULT);
        assertThat(selectivity(bare, PredicateOperator.LESS_THAN, "x")).isEqualTo(Selectivity.DEFAULT);
        assertThat(selectivity(bare, PredicateOperator.LIKE_PREFIX, "x")).isEqualTo(Selectivity.LIKE_PREFIX);
        assertThat(selectivity(bare, PredicateOperator.IS_NOT_NULL)).isEqualTo(1);
    }

    @Test
    void multipliesPredicatesOnTheTableAndIgnoresOthers()
    {
        List<Predicate> predicates = List.of(
                predicate("lineitem.segment", PredicateOperator.EQUAL, "BUILDING"),
                predicate("lineitem.quantity", PredicateOperator.LESS_THAN, "5"),
                predicate("orders.status", PredicateOperator.EQUAL, "F"));

        assertThat(Selectivity.of(Optional.of(LINEITEM), predicates)).isCloseTo(0.5 * 0.25, within(1e-12));
    }

    private static double selectivity(Column column, PredicateOperator operator, String... values)
    {
        return Selectivity.of(predicate("lineitem." + column.name(), operator, values), Optional.of(column));
    }

    private static Predicate predicate(String column, PredicateOperator operator, String... values)
    {
        return new Predicate(ColumnRef.parse(column), operator, List.of(values));
    }
}
