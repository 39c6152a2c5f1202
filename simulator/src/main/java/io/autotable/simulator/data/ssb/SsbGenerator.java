package io.autotable.simulator.data.ssb;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.data.BenchmarkGenerator;
import io.autotable.simulator.data.RowSink;
import io.autotable.simulator.data.tpch.TpchGenerator;
import io.trino.tpch.Customer;
import io.trino.tpch.CustomerGenerator;
import io.trino.tpch.Distributions;
import io.trino.tpch.LineItem;
import io.trino.tpch.LineItemGenerator;
import io.trino.tpch.Nation;
import io.trino.tpch.NationGenerator;
import io.trino.tpch.Order;
import io.trino.tpch.OrderGenerator;
import io.trino.tpch.Part;
import io.trino.tpch.PartGenerator;
import io.trino.tpch.PartSupplier;
import io.trino.tpch.PartSupplierGenerator;
import io.trino.tpch.Region;
import io.trino.tpch.RegionGenerator;
import io.trino.tpch.Supplier;
import io.trino.tpch.SupplierGenerator;
import io.trino.tpch.TextPool;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static io.autotable.simulator.data.GeneratorChecks.INTERRUPT_CHECK_MASK;
import static io.autotable.simulator.data.GeneratorChecks.checkInterrupted;
import static io.autotable.simulator.data.GeneratorChecks.checkScale;
import static io.autotable.simulator.data.GeneratorChecks.table;
import static java.util.Objects.requireNonNull;

/**
 * The Star Schema Benchmark (P. O'Neil, B. O'Neil, X. Chen, "Star Schema Benchmark", rev. 3, 2009),
 * derived from the TPC-H data of {@code io.trino.tpch} as the specification defines it.
 *
 * <p>Tables and columns are those of the SSB DDL ({@code lineorder}, {@code dwdate},
 * {@code customer}, {@code supplier}, {@code part}), typed as its comments say: INTEGER numbers and
 * VARCHAR text of the given lengths, all NOT NULL. One exception: {@code d_dayofweek} is
 * VARCHAR(9), not 8, because "Wednesday" has nine letters.
 *
 * <p>Cardinalities at scale SF, as the specification sets them:
 * <ul>
 * <li>{@code customer}: {@code floor(30,000 * SF)}, the first TPC-H customers;
 * <li>{@code supplier}: {@code floor(2,000 * SF)}, the first TPC-H suppliers;
 * <li>{@code part}: {@code 200,000 * (1 + floor(log2 SF))} for SF >= 1 and, below 1, TPC-H's
 *     {@code floor(200,000 * SF)}; the first TPC-H parts;
 * <li>{@code dwdate}: 2,556 days from 1992-01-01 (the specification's and the reference
 *     generator's count, which ends on 1998-12-30; no order or commit date comes later);
 * <li>{@code lineorder}: one row per TPC-H line item, about 6,000,000 * SF.
 * </ul>
 * Because the dimensions are smaller than TPC-H's, a line item's customer, part and supplier keys
 * are folded into their SSB ranges: {@code key' = (key - 1) mod n + 1}, with n the SSB table's row
 * count. Every foreign key of {@code lineorder} so names an existing row. Part keys only fold above
 * SF 1; as in TPC-H, customers whose key is a multiple of three have no orders when n is.
 *
 * <p>Values follow the specification and its reference generator ({@code ssb-dbgen}):
 * <ul>
 * <li>money ({@code lo_extendedprice}, {@code lo_ordtotalprice}, {@code lo_revenue},
 *     {@code lo_supplycost}) is in integer cents, as {@code ssb-dbgen} writes it;
 *     {@code lo_revenue = lo_extendedprice * (100 - lo_discount) / 100}, truncated;
 *     {@code lo_discount} and {@code lo_tax} are percents; {@code lo_supplycost} is TPC-H's
 *     {@code ps_supplycost} of the line item's (part, supplier) pair (where {@code ssb-dbgen} uses
 *     60% of the retail price);
 * <li>dates are {@code yyyymmdd} integer keys into {@code dwdate};
 * <li>cities are the nation's name cut or padded to 9 characters plus a digit 0-9; addresses are
 *     TPC-H's cut to 25 characters;
 * <li>{@code p_mfgr} is {@code MFGR#m} and {@code p_category} {@code MFGR#mc}, from TPC-H's
 *     manufacturer m and brand {@code Brand#mc}; {@code p_brand1} is the category followed by
 *     1 to 40, unpadded as {@code ssb-dbgen} writes it ({@code MFGR#2221}, {@code MFGR#223});
 *     {@code p_color} is the first word of TPC-H's {@code p_name} and {@code p_name} the next two;
 * <li>{@code dwdate}: weeks start on Sunday ({@code d_daynuminweek} 1) and week n of a year holds
 *     its days {@code 7(n-1)+1} to {@code 7n}; selling seasons and holidays are
 *     {@code ssb-dbgen}'s.
 * </ul>
 * The city digits and brand numbers come from a {@link SplittableRandom} with a fixed seed per
 * table, drawn in key order, so every run gives the same rows.
 *
 * <p>{@code lineorder} streams TPC-H's orders and line items side by side; besides them it keeps
 * only the supply costs of {@code partsupp}, two ints per (part, supplier) pair (6.4 MB at SF 1).
 * As SSB has no comment columns, the TPC-H generators get a small text pool instead of the
 * library's shared 300 MB one.
 */
public final class SsbGenerator
        implements BenchmarkGenerator
{
    public static final String NAME = "ssb";

    public static final LocalDate FIRST_DATE = LocalDate.of(1992, 1, 1);
    public static final int DATE_ROWS = 2556;

    private static final int SUPPLIERS_PER_PART = 4;
    private static final int CITY_PREFIX_LENGTH = 9;
    private static final int ADDRESS_LENGTH = 25;
    private static final int BRANDS_PER_CATEGORY = 40;
    // SSB has no comment columns: a small text pool spares the library's shared 300 MB one, and
    // comments draw from random streams of their own, so no other column changes
    private static final int TEXT_POOL_SIZE = 10_000;

    private static final long CUSTOMER_SEED = 0x55b_c057L;
    private static final long SUPPLIER_SEED = 0x55b_5099L;
    private static final long PART_SEED = 0x55b_9a47L;

    private static final String[] SEASONS_BY_MONTH = {
            "Winter", "Winter", "Winter", "Spring", "Summer", "Summer",
            "Summer", "Summer", "Fall", "Fall", "Christmas", "Christmas"};
    // ssb-dbgen's holidays as month * 100 + day
    private static final int[] HOLIDAYS = {1224, 101, 220, 420, 520, 720, 820, 920, 1020, 1120};

    private static final ColumnType INTEGER = ColumnType.of(ColumnType.Kind.INTEGER);

    private static final List<Table> SCHEMA = List.of(
            Table.declared("dwdate", List.of(
                    Column.notNull("d_datekey", INTEGER),
                    Column.notNull("d_date", ColumnType.varchar(18)),
                    Column.notNull("d_dayofweek", ColumnType.varchar(9)),
                    Column.notNull("d_month", ColumnType.varchar(9)),
                    Column.notNull("d_year", INTEGER),
                    Column.notNull("d_yearmonthnum", INTEGER),
                    Column.notNull("d_yearmonth", ColumnType.varchar(7)),
                    Column.notNull("d_daynuminweek", INTEGER),
                    Column.notNull("d_daynuminmonth", INTEGER),
                    Column.notNull("d_daynuminyear", INTEGER),
                    Column.notNull("d_monthnuminyear", INTEGER),
                    Column.notNull("d_weeknuminyear", INTEGER),
                    Column.notNull("d_sellingseason", ColumnType.varchar(12)),
                    Column.notNull("d_lastdayinweekfl", INTEGER),
                    Column.notNull("d_lastdayinmonthfl", INTEGER),
                    Column.notNull("d_holidayfl", INTEGER),
                    Column.notNull("d_weekdayfl", INTEGER))),
            Table.declared("supplier", List.of(
                    Column.notNull("s_suppkey", INTEGER),
                    Column.notNull("s_name", ColumnType.varchar(25)),
                    Column.notNull("s_address", ColumnType.varchar(25)),
                    Column.notNull("s_city", ColumnType.varchar(10)),
                    Column.notNull("s_nation", ColumnType.varchar(15)),
                    Column.notNull("s_region", ColumnType.varchar(12)),
                    Column.notNull("s_phone", ColumnType.varchar(15)))),
            Table.declared("customer", List.of(
                    Column.notNull("c_custkey", INTEGER),
                    Column.notNull("c_name", ColumnType.varchar(25)),
                    Column.notNull("c_address", ColumnType.varchar(25)),
                    Column.notNull("c_city", ColumnType.varchar(10)),
                    Column.notNull("c_nation", ColumnType.varchar(15)),
                    Column.notNull("c_region", ColumnType.varchar(12)),
                    Column.notNull("c_phone", ColumnType.varchar(15)),
                    Column.notNull("c_mktsegment", ColumnType.varchar(10)))),
            Table.declared("part", List.of(
                    Column.notNull("p_partkey", INTEGER),
                    Column.notNull("p_name", ColumnType.varchar(22)),
                    Column.notNull("p_mfgr", ColumnType.varchar(6)),
                    Column.notNull("p_category", ColumnType.varchar(7)),
                    Column.notNull("p_brand1", ColumnType.varchar(9)),
                    Column.notNull("p_color", ColumnType.varchar(11)),
                    Column.notNull("p_type", ColumnType.varchar(25)),
                    Column.notNull("p_size", INTEGER),
                    Column.notNull("p_container", ColumnType.varchar(15)))),
            Table.declared("lineorder", List.of(
                    Column.notNull("lo_orderkey", INTEGER),
                    Column.notNull("lo_linenumber", INTEGER),
                    Column.notNull("lo_custkey", INTEGER),
                    Column.notNull("lo_partkey", INTEGER),
                    Column.notNull("lo_suppkey", INTEGER),
                    Column.notNull("lo_orderdate", INTEGER),
                    Column.notNull("lo_orderpriority", ColumnType.varchar(15)),
                    Column.notNull("lo_shippriority", ColumnType.varchar(1)),
                    Column.notNull("lo_quantity", INTEGER),
                    Column.notNull("lo_extendedprice", INTEGER),
                    Column.notNull("lo_ordtotalprice", INTEGER),
                    Column.notNull("lo_discount", INTEGER),
                    Column.notNull("lo_revenue", INTEGER),
                    Column.notNull("lo_supplycost", INTEGER),
                    Column.notNull("lo_tax", INTEGER),
                    Column.notNull("lo_commitdate", INTEGER),
                    Column.notNull("lo_shipmode", ColumnType.varchar(10)))));

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
            case "dwdate" -> DATE_ROWS;
            case "supplier" -> supplierRows(scale);
            case "customer" -> customerRows(scale);
            case "part" -> partRows(scale);
            case "lineorder" -> TpchGenerator.lineItemRows(scale);
            default -> throw new SimulatorException(ErrorCode.INTERNAL, "no row count rule for SSB table " + table);
        };
    }

    @Override
    public void generate(String table, double scale, RowSink sink)
    {
        checkScale(this, scale);
        requireNonNull(sink, "sink is null");
        switch (table(this, table).name()) {
            case "dwdate" -> generateDates(sink);
            case "supplier" -> generateSuppliers(scale, sink);
            case "customer" -> generateCustomers(scale, sink);
            case "part" -> generateParts(scale, sink);
            case "lineorder" -> generateLineOrders(scale, sink);
            default -> throw new SimulatorException(ErrorCode.INTERNAL, "no generator for SSB table " + table);
        }
    }

    public static long customerRows(double scale)
    {
        return (long) (30_000 * scale);
    }

    public static long supplierRows(double scale)
    {
        return (long) (2_000 * scale);
    }

    public static long partRows(double scale)
    {
        if (scale < 1) {
            return TpchGenerator.partRows(scale);
        }
        int log2 = 63 - Long.numberOfLeadingZeros((long) scale);
        return 200_000L * (1 + log2);
    }

    /** The {@code yyyymmdd} key of a date. */
    public static long dateKey(LocalDate date)
    {
        return date.getYear() * 10_000L + date.getMonthValue() * 100L + date.getDayOfMonth();
    }

    private void generateDates(RowSink sink)
    {
        // fewer rows than an interrupt check interval: one look suffices
        checkInterrupted(this, "dwdate", 0);
        for (int i = 0; i < DATE_ROWS; i++) {
            LocalDate date = FIRST_DATE.plusDays(i);
            String month = date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            DayOfWeek dayOfWeek = date.getDayOfWeek();
            // Sunday first
            int dayInWeek = dayOfWeek.getValue() % 7 + 1;
            int monthDay = date.getMonthValue() * 100 + date.getDayOfMonth();
            sink.accept(new Object[] {
                    dateKey(date),
                    "%s %d, %d".formatted(month, date.getDayOfMonth(), date.getYear()),
                    dayOfWeek.getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                    month,
                    (long) date.getYear(),
                    date.getYear() * 100L + date.getMonthValue(),
                    month.substring(0, 3) + date.getYear(),
                    (long) dayInWeek,
                    (long) date.getDayOfMonth(),
                    (long) date.getDayOfYear(),
                    (long) date.getMonthValue(),
                    (date.getDayOfYear() - 1) / 7 + 1L,
                    SEASONS_BY_MONTH[date.getMonthValue() - 1],
                    flag(dayOfWeek == DayOfWeek.SATURDAY),
                    flag(date.getDayOfMonth() == date.lengthOfMonth()),
                    flag(isHoliday(monthDay)),
                    flag(dayOfWeek != DayOfWeek.SATURDAY && dayOfWeek != DayOfWeek.SUNDAY)});
        }
    }

    private void generateSuppliers(double scale, RowSink sink)
    {
        Nations nations = Nations.load();
        SplittableRandom random = new SplittableRandom(SUPPLIER_SEED);
        long rows = supplierRows(scale);
        Iterator<Supplier> suppliers = new SupplierGenerator(scale, 1, 1, Distributions.getDefaultDistributions(), textPool()).iterator();
        for (long row = 0; row < rows; row++) {
            if ((row & INTERRUPT_CHECK_MASK) == 0) {
                checkInterrupted(this, "supplier", row);
            }
            Supplier supplier = suppliers.next();
            int nation = (int) supplier.getNationKey();
            sink.accept(new Object[] {
                    supplier.getSupplierKey(),
                    supplier.getName(),
                    truncate(supplier.getAddress(), ADDRESS_LENGTH),
                    nations.city(nation, random.nextInt(10)),
                    nations.name(nation),
                    nations.region(nation),
                    supplier.getPhone()});
        }
    }

    private void generateCustomers(double scale, RowSink sink)
    {
        Nations nations = Nations.load();
        SplittableRandom random = new SplittableRandom(CUSTOMER_SEED);
        long rows = customerRows(scale);
        Iterator<Customer> customers = new CustomerGenerator(scale, 1, 1, Distributions.getDefaultDistributions(), textPool()).iterator();
        for (long row = 0; row < rows; row++) {
            if ((row & INTERRUPT_CHECK_MASK) == 0) {
                checkInterrupted(this, "customer", row);
            }
            Customer customer = customers.next();
            int nation = (int) customer.getNationKey();
            sink.accept(new Object[] {
                    customer.getCustomerKey(),
                    customer.getName(),
                    truncate(customer.getAddress(), ADDRESS_LENGTH),
                    nations.city(nation, random.nextInt(10)),
                    nations.name(nation),
                    nations.region(nation),
                    customer.getPhone(),
                    customer.getMarketSegment()});
        }
    }

    private void generateParts(double scale, RowSink sink)
    {
        SplittableRandom random = new SplittableRandom(PART_SEED);
        long rows = partRows(scale);
        Iterator<Part> parts = new PartGenerator(scale, 1, 1, Distributions.getDefaultDistributions(), textPool()).iterator();
        for (long row = 0; row < rows; row++) {
            if ((row & INTERRUPT_CHECK_MASK) == 0) {
                checkInterrupted(this, "part", row);
            }
            Part part = parts.next();
            String[] words = part.getName().split(" ", 4);
            String manufacturer = lastDigits(part.getManufacturer(), 1);
            String category = "MFGR#" + lastDigits(part.getBrand(), 2);
            sink.accept(new Object[] {
                    part.getPartKey(),
                    words[1] + " " + words[2],
                    "MFGR#" + manufacturer,
                    category,
                    category + (1 + random.nextInt(BRANDS_PER_CATEGORY)),
                    words[0],
                    part.getType(),
                    (long) part.getSize(),
                    part.getContainer()});
        }
    }

    private void generateLineOrders(double scale, RowSink sink)
    {
        long customers = customerRows(scale);
        long suppliers = supplierRows(scale);
        long parts = partRows(scale);
        SupplyCosts supplyCosts = SupplyCosts.load(this, scale);

        Iterator<Order> orders = new OrderGenerator(scale, 1, 1, Distributions.getDefaultDistributions(), textPool()).iterator();
        Order order = null;
        long rows = 0;
        for (LineItem item : new LineItemGenerator(scale, 1, 1, Distributions.getDefaultDistributions(), textPool())) {
            if ((rows & INTERRUPT_CHECK_MASK) == 0) {
                checkInterrupted(this, "lineorder", rows);
            }
            // both generators walk the orders in the same order
            while (order == null || order.getOrderKey() != item.getOrderKey()) {
                order = orders.next();
            }
            long extendedPrice = item.getExtendedPriceInCents();
            long discount = item.getDiscountPercent();
            sink.accept(new Object[] {
                    item.getOrderKey(),
                    (long) item.getLineNumber(),
                    fold(order.getCustomerKey(), customers),
                    fold(item.getPartKey(), parts),
                    fold(item.getSupplierKey(), suppliers),
                    dateKey(LocalDate.ofEpochDay(order.getOrderDate())),
                    order.getOrderPriority(),
                    String.valueOf(order.getShipPriority()),
                    item.getQuantity(),
                    extendedPrice,
                    order.getTotalPriceInCents(),
                    discount,
                    extendedPrice * (100 - discount) / 100,
                    supplyCosts.cost(item.getPartKey(), item.getSupplierKey()),
                    item.getTaxPercent(),
                    dateKey(LocalDate.ofEpochDay(item.getCommitDate())),
                    item.getShipMode()});
            rows++;
        }
    }

    private static TextPool textPool()
    {
        return new TextPool(TEXT_POOL_SIZE, Distributions.getDefaultDistributions());
    }

    private static long fold(long key, long rows)
    {
        return (key - 1) % rows + 1;
    }

    private static long flag(boolean value)
    {
        return value ? 1 : 0;
    }

    private static boolean isHoliday(int monthDay)
    {
        for (int holiday : HOLIDAYS) {
            if (holiday == monthDay) {
                return true;
            }
        }
        return false;
    }

    private static String truncate(String value, int length)
    {
        return value.length() <= length ? value : value.substring(0, length);
    }

    private static String lastDigits(String value, int digits)
    {
        return value.substring(value.length() - digits);
    }

    /** TPC-H's 25 nations with their region names and SSB city prefixes. */
    private record Nations(String[] names, String[] regions, String[] cityPrefixes)
    {
        static Nations load()
        {
            String[] regionNames = new String[5];
            for (Region region : new RegionGenerator(Distributions.getDefaultDistributions(), textPool())) {
                regionNames[(int) region.getRegionKey()] = region.getName();
            }
            String[] names = new String[25];
            String[] regions = new String[25];
            String[] cityPrefixes = new String[25];
            for (Nation nation : new NationGenerator(Distributions.getDefaultDistributions(), textPool())) {
                int key = (int) nation.getNationKey();
                names[key] = nation.getName();
                regions[key] = regionNames[(int) nation.getRegionKey()];
                cityPrefixes[key] = truncate(nation.getName() + " ".repeat(CITY_PREFIX_LENGTH), CITY_PREFIX_LENGTH);
            }
            return new Nations(names, regions, cityPrefixes);
        }

        String name(int nation)
        {
            return names[nation];
        }

        String region(int nation)
        {
            return regions[nation];
        }

        String city(int nation, int digit)
        {
            return cityPrefixes[nation] + digit;
        }
    }

    /**
     * TPC-H's {@code ps_supplycost} in cents by (part, supplier): the four suppliers of part p sit at
     * {@code 4(p-1)} to {@code 4(p-1)+3}, in the order {@code partsupp} lists them.
     */
    private record SupplyCosts(int[] suppliers, int[] costs)
    {
        static SupplyCosts load(SsbGenerator generator, double scale)
        {
            int pairs = Math.toIntExact(SUPPLIERS_PER_PART * TpchGenerator.partRows(scale));
            int[] suppliers = new int[pairs];
            int[] costs = new int[pairs];
            int index = 0;
            for (PartSupplier partSupplier : new PartSupplierGenerator(scale, 1, 1, textPool())) {
                if ((index & INTERRUPT_CHECK_MASK) == 0) {
                    checkInterrupted(generator, "lineorder", 0);
                }
                if (partSupplier.getPartKey() != index / SUPPLIERS_PER_PART + 1) {
                    throw new SimulatorException(ErrorCode.GENERATOR_FAILURE, "TPC-H partsupp row %d is for part %d, expected part %d"
                            .formatted(index, partSupplier.getPartKey(), index / SUPPLIERS_PER_PART + 1));
                }
                suppliers[index] = Math.toIntExact(partSupplier.getSupplierKey());
                costs[index] = Math.toIntExact(partSupplier.getSupplyCostInCents());
                index++;
            }
            return new SupplyCosts(suppliers, costs);
        }

        long cost(long part, long supplier)
        {
            int first = Math.toIntExact((part - 1) * SUPPLIERS_PER_PART);
            for (int i = first; i < first + SUPPLIERS_PER_PART; i++) {
                if (suppliers[i] == supplier) {
                    return costs[i];
                }
            }
            throw new SimulatorException(ErrorCode.GENERATOR_FAILURE, "TPC-H partsupp has no supplier %d for part %d".formatted(supplier, part));
        }
    }
}
