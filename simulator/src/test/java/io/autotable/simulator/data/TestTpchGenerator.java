package io.autotable.simulator.data;

import io.autotable.catalog.Table;
import io.autotable.simulator.data.tpch.TpchGenerator;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchTable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

public class TestTpchGenerator
        extends AbstractTestBenchmarkGenerator
{
    private final TpchGenerator generator = new TpchGenerator();

    @Override
    protected BenchmarkGenerator generator()
    {
        return generator;
    }

    @Override
    protected String largestTable()
    {
        return "lineitem";
    }

    @Test
    public void generatesSpecRowCountsAtScaleOneHundredth()
    {
        assertThat(generated().rows()).isEqualTo(Map.of(
                "lineitem", 60_175L,
                "orders", 15_000L,
                "partsupp", 8_000L,
                "part", 2_000L,
                "customer", 1_500L,
                "supplier", 100L,
                "nation", 25L,
                "region", 5L));
    }

    @Test
    public void declaresTheLibrarysColumnsInItsOrder()
    {
        assertThat(generator.schema()).hasSize(TpchTable.getTables().size());
        for (Table table : generator.schema()) {
            assertThat(table.columnNames())
                    .isEqualTo(TpchTable.getTable(table.name()).getColumns().stream().map(TpchColumn::getColumnName).toList());
        }
    }

    @Test
    public void countsLineItemsWithoutGeneratingThem()
    {
        assertThat(TpchGenerator.lineItemRows(0.01)).isEqualTo(60_175);
        assertThat(TpchGenerator.lineItemRows(0.02)).isEqualTo(countLibraryLineItems(0.02));
        assertThat(TpchGenerator.lineItemRows(0.037)).isEqualTo(countLibraryLineItems(0.037));
    }

    @Test
    public void readsTheSpecsFirstLineItemExactly()
    {
        // 1|155190|7706|1|17|21168.23|0.04|0.02|N|O|1996-03-13|1996-02-12|1996-03-22|DELIVER IN PERSON|TRUCK|... at SF 1;
        // at SF 0.01 part and supplier keys are smaller but prices and dates follow the same rules
        List<Object> first = firstRows("lineitem", 1).get(0);
        assertThat(first.get(0)).isEqualTo(1L);
        assertThat(first.get(3)).isEqualTo(1L);
        assertThat(first.get(4)).isEqualTo(new BigDecimal("17.00"));
        assertThat(first.get(6)).isEqualTo(new BigDecimal("0.04"));
        assertThat(first.get(7)).isEqualTo(new BigDecimal("0.02"));
        assertThat(first.get(10)).isEqualTo(LocalDate.of(1996, 3, 13));
        assertThat(first.get(11)).isEqualTo(LocalDate.of(1996, 2, 12));
        assertThat(first.get(14)).isEqualTo("TRUCK");
    }

    @Test
    public void orderRowsMatchTheLibrarysTextOutput()
    {
        String line = TpchTable.ORDERS.createGenerator(0.01, 1, 1).iterator().next().toLine();
        List<Object> first = firstRows("orders", 1).get(0);
        List<String> expected = Arrays.asList(line.split("\\|"));
        assertThat(first.stream().map(String::valueOf).toList()).isEqualTo(expected);
    }

    @Test
    public void countsRowsBySpecRules()
    {
        assertThat(generator.expectedRows("partsupp", 0.5)).isEqualTo(4 * generator.expectedRows("part", 0.5));
        assertThat(generator.expectedRows("orders", 1)).isEqualTo(1_500_000);
        assertThat(generator.expectedRows("customer", 1)).isEqualTo(150_000);
        assertThat(generator.expectedRows("supplier", 100)).isEqualTo(1_000_000);
        assertThat(generator.expectedRows("NATION", 3)).isEqualTo(25);
    }

    private static long countLibraryLineItems(double scale)
    {
        long count = 0;
        for (Object ignored : TpchTable.LINE_ITEM.createGenerator(scale, 1, 1)) {
            count++;
        }
        return count;
    }
}
