package io.autotable.simulator.data;

import io.autotable.catalog.Table;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.data.ssb.SsbGenerator;
import io.autotable.simulator.data.tpch.TpchGenerator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

public class TestSsbGenerator
        extends AbstractTestBenchmarkGenerator
{
    private final SsbGenerator generator = new SsbGenerator();

    @Override
    protected BenchmarkGenerator generator()
    {
        return generator;
    }

    @Override
    protected String largestTable()
    {
        return "lineorder";
    }

    @Override
    protected Set<String> distinctColumns()
    {
        return Set.of("c_custkey", "s_suppkey", "p_partkey", "d_datekey",
                "lo_custkey", "lo_partkey", "lo_suppkey", "lo_orderdate", "lo_commitdate",
                "p_mfgr", "p_category", "p_brand1", "c_city", "s_city");
    }

    @Override
    protected String checkRow(Table table, Object[] row)
    {
        if (!table.name().equals("lineorder")) {
            return null;
        }
        long extendedPrice = (Long) row[9];
        long discount = (Long) row[11];
        long revenue = (Long) row[12];
        if (revenue != extendedPrice * (100 - discount) / 100) {
            return "lo_revenue %d is not %d * (100 - %d) / 100".formatted(revenue, extendedPrice, discount);
        }
        if (discount < 0 || discount > 10 || (Long) row[14] < 0 || (Long) row[14] > 8 || (Long) row[8] < 1 || (Long) row[8] > 50) {
            return "quantity, discount or tax out of the spec's range";
        }
        return null;
    }

    @Test
    public void foreignKeysResolve()
    {
        Map<String, Set<Object>> distinct = generated().distinct();
        assertThat(distinct.get("c_custkey")).containsAll(distinct.get("lo_custkey"));
        assertThat(distinct.get("s_suppkey")).containsAll(distinct.get("lo_suppkey"));
        assertThat(distinct.get("p_partkey")).containsAll(distinct.get("lo_partkey"));
        assertThat(distinct.get("d_datekey")).containsAll(distinct.get("lo_orderdate")).containsAll(distinct.get("lo_commitdate"));
        // every supplier and part is used at this scale; two thirds of the customers order, as in TPC-H
        assertThat(distinct.get("lo_suppkey")).hasSameSizeAs(distinct.get("s_suppkey"));
        assertThat(distinct.get("lo_custkey").size()).isBetween(distinct.get("c_custkey").size() / 2, distinct.get("c_custkey").size());
    }

    @Test
    public void generatesSpecCardinalitiesAtScaleOneHundredth()
    {
        assertThat(generated().rows()).isEqualTo(Map.of(
                "dwdate", 2_556L,
                "supplier", 20L,
                "customer", 300L,
                "part", 2_000L,
                "lineorder", 60_175L));
        assertThat(generated().distinct().get("d_datekey")).hasSize(2_556).contains(19920101L, 19981230L);
    }

    @Test
    public void scalesDimensionsAsTheSpecSays()
    {
        assertThat(generator.expectedRows("customer", 1)).isEqualTo(30_000);
        assertThat(generator.expectedRows("supplier", 1)).isEqualTo(2_000);
        assertThat(generator.expectedRows("part", 0.5)).isEqualTo(100_000);
        assertThat(generator.expectedRows("part", 1)).isEqualTo(200_000);
        assertThat(generator.expectedRows("part", 2)).isEqualTo(400_000);
        assertThat(generator.expectedRows("part", 10)).isEqualTo(800_000);
        assertThat(generator.expectedRows("part", 100)).isEqualTo(1_400_000);
        assertThat(generator.expectedRows("lineorder", 0.01)).isEqualTo(TpchGenerator.lineItemRows(0.01));
    }

    @Test
    public void partHierarchyFollowsTheSpec()
    {
        Map<String, Set<Object>> distinct = generated().distinct();
        assertThat(distinct.get("p_mfgr")).containsExactlyInAnyOrder("MFGR#1", "MFGR#2", "MFGR#3", "MFGR#4", "MFGR#5");
        assertThat(distinct.get("p_category")).hasSize(25).allSatisfy(category -> assertThat((String) category).matches("MFGR#[1-5][1-5]"));
        assertThat(distinct.get("p_brand1")).allSatisfy(brand -> assertThat((String) brand).matches("MFGR#[1-5][1-5]([1-9]|[1-3][0-9]|40)"));
        assertThat(distinct.get("p_brand1").size()).isGreaterThan(700);
        assertThat(distinct.get("c_city")).allSatisfy(city -> assertThat((String) city).hasSize(10).matches("[A-Z ]{9}[0-9]"));
        assertThat(distinct.get("c_city")).anySatisfy(city -> assertThat((String) city).startsWith("UNITED KI"));
        assertThat(distinct.get("c_city")).anySatisfy(city -> assertThat((String) city).startsWith("CHINA    "));
    }

    @Test
    public void describesDatesAsTheSpecDoes()
    {
        List<Object> first = firstRows("dwdate", 1).get(0);
        // 1992-01-01 was a Wednesday
        assertThat(first).containsExactly(19920101L, "January 1, 1992", "Wednesday", "January", 1992L, 199201L, "Jan1992",
                4L, 1L, 1L, 1L, 1L, "Winter", 0L, 0L, 1L, 1L);
    }

    @Test
    public void lineOrderCarriesTpchLineItems()
    {
        int count = 3_000;
        List<List<Object>> lineOrders = firstRows("lineorder", count);
        List<Object[]> lineItems = new ArrayList<>();
        try {
            new TpchGenerator().generate("lineitem", 0.01, row -> {
                lineItems.add(row);
                if (lineItems.size() == count) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        catch (SimulatorException expected) {
            Thread.interrupted();
        }
        for (int i = 0; i < count; i++) {
            List<Object> lineOrder = lineOrders.get(i);
            Object[] lineItem = lineItems.get(i);
            assertThat(lineOrder.get(0)).isEqualTo(lineItem[0]);
            assertThat(lineOrder.get(1)).isEqualTo(lineItem[3]);
            assertThat(lineOrder.get(3)).isEqualTo(lineItem[1]);
            assertThat(lineOrder.get(4)).isEqualTo(((Long) lineItem[2] - 1) % 20 + 1);
            assertThat(lineOrder.get(8)).isEqualTo(((BigDecimal) lineItem[4]).longValueExact());
            assertThat(lineOrder.get(9)).isEqualTo(((BigDecimal) lineItem[5]).movePointRight(2).longValueExact());
            assertThat(lineOrder.get(11)).isEqualTo(((BigDecimal) lineItem[6]).movePointRight(2).longValueExact());
            assertThat(lineOrder.get(14)).isEqualTo(((BigDecimal) lineItem[7]).movePointRight(2).longValueExact());
            assertThat(lineOrder.get(15)).isEqualTo(SsbGenerator.dateKey((LocalDate) lineItem[11]));
            assertThat(lineOrder.get(16)).isEqualTo(lineItem[14]);
        }
    }

    @Test
    public void lineOrderJoinsEachLineItemWithItsOrder()
    {
        // the first TPC-H order (key 1) has 6 line items, customer 370 at SF 0.01 ... folded into 300 customers
        List<List<Object>> rows = firstRows("lineorder", 7);
        assertThat(rows.subList(0, 6)).allSatisfy(row -> {
            assertThat(row.get(0)).isEqualTo(1L);
            assertThat(row.get(2)).isEqualTo(70L);
            assertThat(row.get(5)).isEqualTo(19960102L);
            assertThat(row.get(7)).isEqualTo("0");
        });
        assertThat(rows.get(0).get(15)).isEqualTo(19960212L);
        assertThat(rows.get(6).get(0)).isEqualTo(2L);
    }
}
