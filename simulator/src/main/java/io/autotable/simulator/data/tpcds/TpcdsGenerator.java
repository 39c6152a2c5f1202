package io.autotable.simulator.data.tpcds;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.data.BenchmarkGenerator;
import io.autotable.simulator.data.RowSink;
import io.trino.tpcds.Results;
import io.trino.tpcds.Session;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.autotable.simulator.data.GeneratorChecks.INTERRUPT_CHECK_MASK;
import static io.autotable.simulator.data.GeneratorChecks.checkInterrupted;
import static io.autotable.simulator.data.GeneratorChecks.checkScale;
import static io.autotable.simulator.data.GeneratorChecks.table;
import static java.util.Objects.requireNonNull;

/**
 * TPC-DS data from Trino's Java port of {@code dsdgen} ({@code io.trino.tpcds}), which produces
 * the same rows as the TPC's generator.
 *
 * <p>The 24 tables of the TPC-DS DDL ({@code tpcds.sql}); {@code dbgen_version}, which describes
 * the generator run rather than the data, is left out. Names and types are the library's, which
 * match the DDL apart from {@code p_response_targe}, a typo the library keeps and this generator
 * renames to {@code p_response_target}. Surrogate keys are INTEGER as in the DDL. Columns are NOT
 * NULL where the DDL says so (keys and business ids); every other column can hold nulls, which the
 * generator produces at each table's TPC-DS null rate.
 *
 * <p>The smallest scale is 0.01, Trino's {@code tiny} schema: below it the library's scaling rules
 * give the same row counts as at 0.01. Row counts of the dimensions and of {@code inventory} are
 * the library's scaling rules, so exact. The six sales and returns tables have a random number of
 * lines per order; {@link #expectedRows} returns their exact counts at scales 0.01, 0.1 and 1
 * (measured with the library; the SF 1 ones are also dsdgen's) and otherwise an estimate: orders
 * times the mean lines per order (12 in store and web sales, 9 in catalog sales), and 10% of those
 * for returns, within a few percent of the real count (closer the larger the scale).
 *
 * <p>The library is slow (about 50,000 sales rows a second), and generating a returns table
 * generates its sales table again.
 */
public final class TpcdsGenerator
        implements BenchmarkGenerator
{
    public static final String NAME = "tpcds";

    // not null in tpcds.sql
    private static final Set<String> NOT_NULL_COLUMNS = Set.of(
            "cc_call_center_sk", "cc_call_center_id", "cp_catalog_page_sk", "cp_catalog_page_id",
            "cr_item_sk", "cr_order_number", "cs_item_sk", "cs_order_number",
            "c_customer_sk", "c_customer_id", "ca_address_sk", "ca_address_id", "cd_demo_sk",
            "d_date_sk", "d_date_id", "hd_demo_sk", "ib_income_band_sk",
            "inv_date_sk", "inv_item_sk", "inv_warehouse_sk", "i_item_sk", "i_item_id",
            "p_promo_sk", "p_promo_id", "r_reason_sk", "r_reason_id", "sm_ship_mode_sk", "sm_ship_mode_id",
            "s_store_sk", "s_store_id", "sr_item_sk", "sr_ticket_number", "ss_item_sk", "ss_ticket_number",
            "t_time_sk", "t_time_id", "w_warehouse_sk", "w_warehouse_id", "wp_web_page_sk", "wp_web_page_id",
            "wr_item_sk", "wr_order_number", "ws_item_sk", "ws_order_number", "web_site_sk", "web_site_id");

    private static final Map<String, String> RENAMED_COLUMNS = Map.of("p_response_targe", "p_response_target");

    private static final Set<String> FACT_TABLES = Set.of(
            "store_sales", "store_returns", "catalog_sales", "catalog_returns", "web_sales", "web_returns", "inventory");

    private static final Map<String, Double> MEAN_LINES_PER_ORDER = Map.of(
            "store_sales", 12.0,
            "catalog_sales", 9.0,
            "web_sales", 12.0);
    private static final double RETURNED_FRACTION = 0.1;

    private static final Map<Double, Map<String, Long>> EXACT_LINE_ROWS = Map.of(
            0.01, Map.of(
                    "store_sales", 120_527L, "store_returns", 11_925L,
                    "catalog_sales", 89_807L, "catalog_returns", 8_923L,
                    "web_sales", 11_876L, "web_returns", 1_152L),
            0.1, Map.of(
                    "store_sales", 240_485L, "store_returns", 23_925L,
                    "catalog_sales", 179_522L, "catalog_returns", 17_977L,
                    "web_sales", 71_632L, "web_returns", 7_061L),
            1.0, Map.of(
                    "store_sales", 2_880_404L, "store_returns", 287_514L,
                    "catalog_sales", 1_441_548L, "catalog_returns", 144_067L,
                    "web_sales", 719_384L, "web_returns", 71_763L));

    private static final List<Table> SCHEMA = buildSchema();

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public double minScale()
    {
        return 0.01;
    }

    /** Keys stay INTEGER up to here; autotable's command line caps the embedded warehouse lower. */
    @Override
    public double maxScale()
    {
        return 100;
    }

    @Override
    public List<Table> schema()
    {
        return SCHEMA;
    }

    @Override
    public long expectedRows(String table, double scale)
    {
        checkScale(this, scale);
        String name = table(this, table).name();
        io.trino.tpcds.Table source = io.trino.tpcds.Table.getTable(name);
        if (!MEAN_LINES_PER_ORDER.containsKey(name) && !source.isChild()) {
            return session(scale).getScaling().getRowCount(source);
        }
        Map<String, Long> exact = EXACT_LINE_ROWS.get(scale);
        if (exact != null) {
            return exact.get(name);
        }
        io.trino.tpcds.Table sales = source.isChild() ? source.getParent() : source;
        double lines = session(scale).getScaling().getRowCount(sales) * MEAN_LINES_PER_ORDER.get(sales.getName());
        return Math.round(source.isChild() ? lines * RETURNED_FRACTION : lines);
    }

    @Override
    public void generate(String table, double scale, RowSink sink)
    {
        checkScale(this, scale);
        requireNonNull(sink, "sink is null");
        Table declared = table(this, table);
        List<Column> columns = declared.columns();
        int width = columns.size();
        ValueKind[] kinds = new ValueKind[width];
        int[] scales = new int[width];
        for (int i = 0; i < width; i++) {
            kinds[i] = ValueKind.of(columns.get(i).type());
            scales[i] = columns.get(i).type().scale();
        }

        long rows = 0;
        // each element holds the table's row first, then a row of its child table (sales come with their returns)
        for (List<List<String>> generated : Results.constructResults(io.trino.tpcds.Table.getTable(declared.name()), session(scale))) {
            if ((rows & INTERRUPT_CHECK_MASK) == 0) {
                checkInterrupted(this, declared.name(), rows);
            }
            List<String> values = generated.get(0);
            if (values.size() != width) {
                throw new SimulatorException(ErrorCode.GENERATOR_FAILURE, "TPC-DS table %s: the library gave %d values for %d columns"
                        .formatted(declared.name(), values.size(), width));
            }
            Object[] row = new Object[width];
            for (int i = 0; i < width; i++) {
                String value = values.get(i);
                row[i] = value == null ? null : kinds[i].parse(value, scales[i]);
            }
            sink.accept(row);
            rows++;
        }
    }

    private static Session session(double scale)
    {
        return Session.getDefaultSession().withScale(scale);
    }

    private static List<Table> buildSchema()
    {
        List<Table> dimensions = new ArrayList<>();
        List<Table> facts = new ArrayList<>();
        for (io.trino.tpcds.Table source : io.trino.tpcds.Table.getBaseTables()) {
            if (source == io.trino.tpcds.Table.DBGEN_VERSION) {
                continue;
            }
            List<Column> columns = new ArrayList<>();
            for (io.trino.tpcds.column.Column column : source.getColumns()) {
                String name = RENAMED_COLUMNS.getOrDefault(column.getName(), column.getName());
                ColumnType type = columnType(column.getType());
                columns.add(NOT_NULL_COLUMNS.contains(name) ? Column.notNull(name, type) : Column.of(name, type));
            }
            Table table = Table.declared(source.getName(), columns);
            (FACT_TABLES.contains(table.name()) ? facts : dimensions).add(table);
        }
        dimensions.addAll(facts);
        return List.copyOf(dimensions);
    }

    private static ColumnType columnType(io.trino.tpcds.column.ColumnType type)
    {
        return switch (type.getBase()) {
            case IDENTIFIER, INTEGER -> ColumnType.of(ColumnType.Kind.INTEGER);
            case DECIMAL -> ColumnType.decimal(type.getPrecision().orElseThrow(), type.getScale().orElseThrow());
            case CHAR -> ColumnType.character(type.getPrecision().orElseThrow());
            case VARCHAR -> ColumnType.varchar(type.getPrecision().orElseThrow());
            case DATE -> ColumnType.of(ColumnType.Kind.DATE);
            case TIME -> ColumnType.of(ColumnType.Kind.TIME);
        };
    }

    /** How the library's text of a value becomes the Java value {@link BenchmarkGenerator} fixes. */
    private enum ValueKind
    {
        INTEGER,
        DECIMAL,
        TEXT,
        DATE;

        static ValueKind of(ColumnType type)
        {
            return switch (type.kind()) {
                case INTEGER -> INTEGER;
                case DECIMAL -> DECIMAL;
                case CHAR, VARCHAR -> TEXT;
                case DATE -> DATE;
                default -> throw new SimulatorException(ErrorCode.INTERNAL, "TPC-DS generation has no rule for %s".formatted(type));
            };
        }

        Object parse(String value, int scale)
        {
            return switch (this) {
                case INTEGER -> Long.parseLong(value);
                // exact: the library prints at most the column's scale ("-5" for a GMT offset)
                case DECIMAL -> new BigDecimal(value).setScale(scale);
                case TEXT -> value;
                case DATE -> LocalDate.parse(value);
            };
        }
    }
}
