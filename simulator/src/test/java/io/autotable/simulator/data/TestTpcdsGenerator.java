package io.autotable.simulator.data;

import io.autotable.catalog.Table;
import io.autotable.simulator.data.tpcds.TpcdsGenerator;
import io.trino.tpcds.Scaling;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

public class TestTpcdsGenerator
        extends AbstractTestBenchmarkGenerator
{
    // a sales table's order number, by table: the library's scaling counts orders, not lines
    private static final Map<String, String> ORDER_NUMBERS = Map.of(
            "store_sales", "ss_ticket_number",
            "catalog_sales", "cs_order_number",
            "web_sales", "ws_order_number");

    private final TpcdsGenerator generator = new TpcdsGenerator();

    @Override
    protected BenchmarkGenerator generator()
    {
        return generator;
    }

    @Override
    protected String largestTable()
    {
        return "store_sales";
    }

    @Override
    protected Set<String> distinctColumns()
    {
        return Set.copyOf(ORDER_NUMBERS.values());
    }

    @Test
    public void hasTheTwentyFourTablesOfTheDdl()
    {
        assertThat(generator.schema()).hasSize(24);
        assertThat(generator.schema()).extracting(Table::name)
                .contains("store_sales", "store_returns", "catalog_sales", "catalog_returns", "web_sales", "web_returns", "inventory",
                        "date_dim", "time_dim", "item", "customer", "customer_address", "customer_demographics")
                .doesNotContain("dbgen_version");
        assertThat(generator.schema().stream().filter(table -> table.name().equals("promotion")).findFirst().orElseThrow().columnNames())
                .contains("p_response_target");
    }

    @Test
    public void rowCountsEqualTheLibrarysScaling()
    {
        Scaling scaling = new Scaling(generator.minScale());
        Map<String, Long> rows = generated().rows();
        for (Table table : generator.schema()) {
            io.trino.tpcds.Table source = io.trino.tpcds.Table.getTable(table.name());
            String orderNumber = ORDER_NUMBERS.get(table.name());
            if (orderNumber != null) {
                assertThat((long) generated().distinct().get(orderNumber).size()).as(table.name()).isEqualTo(scaling.getRowCount(source));
                assertThat(rows.get(table.name())).as(table.name()).isGreaterThan(scaling.getRowCount(source));
            }
            else if (source.isChild()) {
                // returns: about a tenth of their sales' lines
                long sales = rows.get(source.getParent().getName());
                assertThat(rows.get(table.name())).as(table.name()).isBetween(sales / 12, sales / 8);
            }
            else {
                assertThat(rows.get(table.name())).as(table.name()).isEqualTo(scaling.getRowCount(source));
            }
        }
    }

    @Test
    public void generatesTrinosTinySchemaRowCounts()
    {
        Map<String, Long> rows = generated().rows();
        assertThat(rows).containsEntry("store_sales", 120_527L)
                .containsEntry("store_returns", 11_925L)
                .containsEntry("catalog_sales", 89_807L)
                .containsEntry("web_sales", 11_876L)
                .containsEntry("customer", 1_000L)
                .containsEntry("date_dim", 73_049L)
                .containsEntry("customer_demographics", 1_920_800L)
                .containsEntry("inventory", 261_261L);
    }

    @Test
    public void estimatesSalesRowsBetweenMeasuredScales()
    {
        // 0.1 and 1 are measured exactly; an estimate in between lies between them
        long estimate = generator.expectedRows("store_sales", 0.5);
        assertThat(estimate).isBetween(generator.expectedRows("store_sales", 0.1), generator.expectedRows("store_sales", 1));
        assertThat(generator.expectedRows("store_returns", 0.5)).isBetween(estimate / 12, estimate / 8);
    }
}
