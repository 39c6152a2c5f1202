package io.autotable.simulator.data.tpch;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.data.BenchmarkGenerator;
import io.autotable.simulator.data.RowSink;
import io.trino.tpch.CustomerGenerator;
import io.trino.tpch.GenerateUtils;
import io.trino.tpch.OrderGenerator;
import io.trino.tpch.PartGenerator;
import io.trino.tpch.RandomBoundedInt;
import io.trino.tpch.SupplierGenerator;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchColumnType;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.autotable.simulator.data.GeneratorChecks.INTERRUPT_CHECK_MASK;
import static io.autotable.simulator.data.GeneratorChecks.checkInterrupted;
import static io.autotable.simulator.data.GeneratorChecks.checkScale;
import static io.autotable.simulator.data.GeneratorChecks.table;
import static java.util.Objects.requireNonNull;

/**
 * TPC-H data from Trino's Java port of {@code dbgen} ({@code io.trino.tpch}), which produces the
 * same rows as the TPC's generator.
 *
 * <p>Tables and columns are named and typed as in the TPC-H specification's DDL
 * ({@code dss.ddl}): keys are INTEGER, which holds every key up to scale 100 (the largest order
 * key there is 600,000,000); money, quantities, discounts and taxes are DECIMAL(15,2), taken from
 * the library as exact cents rather than binary doubles; dates are {@link LocalDate}. CHAR values
 * are not padded to their declared length. Only {@code n_comment} and {@code r_comment} are
 * nullable, and none is ever null.
 *
 * <p>Row counts are exact: {@code 25} nations, {@code 5} regions and
 * {@code floor(base * scale)} rows for the others (customer 150,000, orders 1,500,000, part
 * 200,000, partsupp 4 per part, supplier 10,000). Line items per order are random (1 to 7); their
 * total is computed by replaying only the library's line-count random stream, which takes about
 * 10 ns per order.
 *
 * <p>The library draws every comment from one shared 300 MB text pool, built on first use: the
 * JVM needs that much heap beyond the rows' own.
 */
public final class TpchGenerator
        implements BenchmarkGenerator
{
    public static final String NAME = "tpch";

    // dbgen's seed for the number of lines of an order (OrderGenerator.createLineCountRandom,
    // which the library does not expose); TestTpchGenerator checks the counts it gives
    private static final long LINE_COUNT_SEED = 1434868289;
    private static final int LINE_COUNT_MIN = 1;
    private static final int LINE_COUNT_MAX = 7;
    private static final int SUPPLIERS_PER_PART = 4;

    private static final ColumnType INTEGER = ColumnType.of(ColumnType.Kind.INTEGER);
    private static final ColumnType MONEY = ColumnType.decimal(15, 2);
    private static final ColumnType DATE = ColumnType.of(ColumnType.Kind.DATE);

    private static final List<Table> SCHEMA = List.of(
            Table.declared("nation", List.of(
                    Column.notNull("n_nationkey", INTEGER),
                    Column.notNull("n_name", ColumnType.character(25)),
                    Column.notNull("n_regionkey", INTEGER),
                    Column.of("n_comment", ColumnType.varchar(152)))),
            Table.declared("region", List.of(
                    Column.notNull("r_regionkey", INTEGER),
                    Column.notNull("r_name", ColumnType.character(25)),
                    Column.of("r_comment", ColumnType.varchar(152)))),
            Table.declared("part", List.of(
                    Column.notNull("p_partkey", INTEGER),
                    Column.notNull("p_name", ColumnType.varchar(55)),
                    Column.notNull("p_mfgr", ColumnType.character(25)),
                    Column.notNull("p_brand", ColumnType.character(10)),
                    Column.notNull("p_type", ColumnType.varchar(25)),
                    Column.notNull("p_size", INTEGER),
                    Column.notNull("p_container", ColumnType.character(10)),
                    Column.notNull("p_retailprice", MONEY),
                    Column.notNull("p_comment", ColumnType.varchar(23)))),
            Table.declared("supplier", List.of(
                    Column.notNull("s_suppkey", INTEGER),
                    Column.notNull("s_name", ColumnType.character(25)),
                    Column.notNull("s_address", ColumnType.varchar(40)),
                    Column.notNull("s_nationkey", INTEGER),
                    Column.notNull("s_phone", ColumnType.character(15)),
                    Column.notNull("s_acctbal", MONEY),
                    Column.notNull("s_comment", ColumnType.varchar(101)))),
            Table.declared("partsupp", List.of(
                    Column.notNull("ps_partkey", INTEGER),
                    Column.notNull("ps_suppkey", INTEGER),
                    Column.notNull("ps_availqty", INTEGER),
                    Column.notNull("ps_supplycost", MONEY),
                    Column.notNull("ps_comment", ColumnType.varchar(199)))),
            Table.declared("customer", List.of(
                    Column.notNull("c_custkey", INTEGER),
                    Column.notNull("c_name", ColumnType.varchar(25)),
                    Column.notNull("c_address", ColumnType.varchar(40)),
                    Column.notNull("c_nationkey", INTEGER),
                    Column.notNull("c_phone", ColumnType.character(15)),
                    Column.notNull("c_acctbal", MONEY),
                    Column.notNull("c_mktsegment", ColumnType.character(10)),
                    Column.notNull("c_comment", ColumnType.varchar(117)))),
            Table.declared("orders", List.of(
                    Column.notNull("o_orderkey", INTEGER),
                    Column.notNull("o_custkey", INTEGER),
                    Column.notNull("o_orderstatus", ColumnType.character(1)),
                    Column.notNull("o_totalprice", MONEY),
                    Column.notNull("o_orderdate", DATE),
                    Column.notNull("o_orderpriority", ColumnType.character(15)),
                    Column.notNull("o_clerk", ColumnType.character(15)),
                    Column.notNull("o_shippriority", INTEGER),
                    Column.notNull("o_comment", ColumnType.varchar(79)))),
            Table.declared("lineitem", List.of(
                    Column.notNull("l_orderkey", INTEGER),
                    Column.notNull("l_partkey", INTEGER),
                    Column.notNull("l_suppkey", INTEGER),
                    Column.notNull("l_linenumber", INTEGER),
                    Column.notNull("l_quantity", MONEY),
                    Column.notNull("l_extendedprice", MONEY),
                    Column.notNull("l_discount", MONEY),
                    Column.notNull("l_tax", MONEY),
                    Column.notNull("l_returnflag", ColumnType.character(1)),
                    Column.notNull("l_linestatus", ColumnType.character(1)),
                    Column.notNull("l_shipdate", DATE),
                    Column.notNull("l_commitdate", DATE),
                    Column.notNull("l_receiptdate", DATE),
                    Column.notNull("l_shipinstruct", ColumnType.character(25)),
                    Column.notNull("l_shipmode", ColumnType.character(10)),
                    Column.notNull("l_comment", ColumnType.varchar(44)))));

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
        return switch (table(this, table).name()) {
            case "nation" -> 25;
            case "region" -> 5;
            case "part" -> partRows(scale);
            case "supplier" -> supplierRows(scale);
            case "partsupp" -> SUPPLIERS_PER_PART * partRows(scale);
            case "customer" -> customerRows(scale);
            case "orders" -> orderRows(scale);
            case "lineitem" -> lineItemRows(scale);
            default -> throw new SimulatorException(ErrorCode.INTERNAL, "no row count rule for TPC-H table " + table);
        };
    }

    @Override
    public void generate(String table, double scale, RowSink sink)
    {
        checkScale(this, scale);
        requireNonNull(sink, "sink is null");
        Table declared = table(this, table);
        emit(TpchTable.getTable(declared.name()), declared, scale, sink);
    }

    public static long customerRows(double scale)
    {
        return GenerateUtils.calculateRowCount(CustomerGenerator.SCALE_BASE, scale, 1, 1);
    }

    public static long supplierRows(double scale)
    {
        return GenerateUtils.calculateRowCount(SupplierGenerator.SCALE_BASE, scale, 1, 1);
    }

    public static long partRows(double scale)
    {
        return GenerateUtils.calculateRowCount(PartGenerator.SCALE_BASE, scale, 1, 1);
    }

    public static long orderRows(double scale)
    {
        return GenerateUtils.calculateRowCount(OrderGenerator.SCALE_BASE, scale, 1, 1);
    }

    /**
     * The exact number of line items at a scale: replays the random stream that decides each
     * order's line count, without generating the orders. Linear in the number of orders.
     */
    public static long lineItemRows(double scale)
    {
        long orders = orderRows(scale);
        RandomBoundedInt lineCounts = new RandomBoundedInt(LINE_COUNT_SEED, LINE_COUNT_MIN, LINE_COUNT_MAX);
        long lineItems = 0;
        for (long order = 0; order < orders; order++) {
            lineItems += lineCounts.nextValue();
            lineCounts.rowFinished();
        }
        return lineItems;
    }

    private <E extends TpchEntity> void emit(TpchTable<E> tpchTable, Table declared, double scale, RowSink sink)
    {
        List<Column> columns = declared.columns();
        int width = columns.size();
        List<TpchColumn<E>> sources = new ArrayList<>(width);
        ValueKind[] kinds = new ValueKind[width];
        for (int i = 0; i < width; i++) {
            sources.add(sourceColumn(tpchTable, columns.get(i).name()));
            kinds[i] = ValueKind.of(columns.get(i).type(), sources.get(i).getType());
        }

        long rows = 0;
        for (E entity : tpchTable.createGenerator(scale, 1, 1)) {
            if ((rows & INTERRUPT_CHECK_MASK) == 0) {
                checkInterrupted(this, declared.name(), rows);
            }
            Object[] row = new Object[width];
            for (int i = 0; i < width; i++) {
                row[i] = kinds[i].read(sources.get(i), entity);
            }
            sink.accept(row);
            rows++;
        }
    }

    private static <E extends TpchEntity> TpchColumn<E> sourceColumn(TpchTable<E> tpchTable, String name)
    {
        for (TpchColumn<E> column : tpchTable.getColumns()) {
            if (column.getColumnName().equals(name)) {
                return column;
            }
        }
        throw new SimulatorException(ErrorCode.GENERATOR_FAILURE, "the TPC-H library has no column %s in table %s".formatted(name, tpchTable.getTableName()));
    }

    /** How a declared column's value is read from the library's entity. */
    private enum ValueKind
    {
        IDENTIFIER,
        INTEGER,
        CENTS,
        TEXT,
        DATE;

        static ValueKind of(ColumnType declared, TpchColumnType library)
        {
            return switch (declared.kind()) {
                case INTEGER -> library.getBase() == TpchColumnType.Base.IDENTIFIER ? IDENTIFIER : INTEGER;
                // the library keeps every DOUBLE column as exact hundredths behind getIdentifier
                case DECIMAL -> CENTS;
                case CHAR, VARCHAR -> TEXT;
                case DATE -> DATE;
                default -> throw new SimulatorException(ErrorCode.INTERNAL, "TPC-H has no %s column".formatted(declared));
            };
        }

        <E extends TpchEntity> Object read(TpchColumn<E> column, E entity)
        {
            return switch (this) {
                case IDENTIFIER -> column.getIdentifier(entity);
                case INTEGER -> (long) column.getInteger(entity);
                case CENTS -> BigDecimal.valueOf(column.getIdentifier(entity), 2);
                case TEXT -> column.getString(entity);
                case DATE -> LocalDate.ofEpochDay(column.getDate(entity));
            };
        }
    }
}
