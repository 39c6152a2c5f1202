package io.autotable.advisor.sortkey.learned;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Star Schema Benchmark's 13 queries (O'Neil, O'Neil, Chen and Revilak, "The Star Schema
 * Benchmark and Augmented Fact Table Indexing", 2009), with their parameters drawn at random from
 * the ranges the benchmark's data has, so that a workload of them has the benchmark's shape without
 * reading any file: flights 1 (revenue from discounts: a year, month or week, a discount range, a
 * quantity range), 2 (a part category or brands, a supplier region), 3 (customer and supplier
 * regions, nations or cities, a range of years) and 4 (profit by region and manufacturer).
 * Queries are drawn with Zipf weights over the 13, the first most often.
 */
public final class SsbQueries
{
    private static final String[] REGIONS = {"AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"};
    private static final String[] NATIONS = {"UNITED STATES", "CHINA", "FRANCE", "BRAZIL", "INDIA", "GERMANY", "JAPAN", "CANADA"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private SsbQueries() {}

    /** {@code count} statements, every choice from {@code random}. */
    public static List<String> generate(int count, SplittableRandom random)
    {
        double[] cumulative = new double[13];
        double total = 0;
        for (int q = 0; q < cumulative.length; q++) {
            total += 1.0 / (q + 1);
            cumulative[q] = total;
        }
        List<String> statements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double draw = random.nextDouble(total);
            int query = 0;
            while (cumulative[query] < draw) {
                query++;
            }
            statements.add(query(query, random));
        }
        return statements;
    }

    static String query(int query, SplittableRandom random)
    {
        int year = random.nextInt(1992, 1998);
        int discount = random.nextInt(1, 9);
        int quantity = random.nextInt(1, 41);
        String region = REGIONS[random.nextInt(REGIONS.length)];
        String nation = NATIONS[random.nextInt(NATIONS.length)];
        int mfgr = random.nextInt(1, 6);
        int category = random.nextInt(1, 6);
        String city = cityPrefix(nation);
        return switch (query) {
            case 0 -> """
                    select sum(lo_extendedprice*lo_discount) as revenue from lineorder, dwdate
                    where lo_orderdate = d_datekey and d_year = %d and lo_discount between %d and %d and lo_quantity < %d"""
                    .formatted(year, discount, discount + 2, 20 + random.nextInt(11));
            case 1 -> """
                    select sum(lo_extendedprice*lo_discount) as revenue from lineorder, dwdate
                    where lo_orderdate = d_datekey and d_yearmonthnum = %d and lo_discount between %d and %d and lo_quantity between %d and %d"""
                    .formatted(year * 100 + random.nextInt(1, 13), discount, discount + 2, quantity, quantity + 9);
            case 2 -> """
                    select sum(lo_extendedprice*lo_discount) as revenue from lineorder, dwdate
                    where lo_orderdate = d_datekey and d_weeknuminyear = %d and d_year = %d and lo_discount between %d and %d and lo_quantity between %d and %d"""
                    .formatted(random.nextInt(1, 53), year, discount, discount + 2, quantity, quantity + 9);
            case 3 -> """
                    select sum(lo_revenue), d_year, p_brand1 from lineorder, dwdate, part, supplier
                    where lo_orderdate = d_datekey and lo_partkey = p_partkey and lo_suppkey = s_suppkey and p_category = 'MFGR#%d%d' and s_region = '%s'
                    group by d_year, p_brand1 order by d_year, p_brand1"""
                    .formatted(mfgr, category, region);
            case 4 -> {
                int brand = random.nextInt(1, 33);
                yield """
                        select sum(lo_revenue), d_year, p_brand1 from lineorder, dwdate, part, supplier
                        where lo_orderdate = d_datekey and lo_partkey = p_partkey and lo_suppkey = s_suppkey and p_brand1 between 'MFGR#%d%d%d' and 'MFGR#%d%d%d' and s_region = '%s'
                        group by d_year, p_brand1 order by d_year, p_brand1"""
                        .formatted(mfgr, category, brand, mfgr, category, Math.min(40, brand + 7), region);
            }
            case 5 -> """
                    select sum(lo_revenue), d_year, p_brand1 from lineorder, dwdate, part, supplier
                    where lo_orderdate = d_datekey and lo_partkey = p_partkey and lo_suppkey = s_suppkey and p_brand1 = 'MFGR#%d%d%d' and s_region = '%s'
                    group by d_year, p_brand1 order by d_year, p_brand1"""
                    .formatted(mfgr, category, random.nextInt(1, 41), region);
            case 6 -> """
                    select c_nation, s_nation, d_year, sum(lo_revenue) as revenue from customer, lineorder, supplier, dwdate
                    where lo_custkey = c_custkey and lo_suppkey = s_suppkey and lo_orderdate = d_datekey and c_region = '%s' and s_region = '%s' and d_year >= %d and d_year <= %d
                    group by c_nation, s_nation, d_year order by d_year asc, revenue desc"""
                    .formatted(region, region, year, Math.min(1998, year + 5));
            case 7 -> """
                    select c_city, s_city, d_year, sum(lo_revenue) as revenue from customer, lineorder, supplier, dwdate
                    where lo_custkey = c_custkey and lo_suppkey = s_suppkey and lo_orderdate = d_datekey and c_nation = '%s' and s_nation = '%s' and d_year >= %d and d_year <= %d
                    group by c_city, s_city, d_year order by d_year asc, revenue desc"""
                    .formatted(nation, nation, year, Math.min(1998, year + 5));
            case 8 -> """
                    select c_city, s_city, d_year, sum(lo_revenue) as revenue from customer, lineorder, supplier, dwdate
                    where lo_custkey = c_custkey and lo_suppkey = s_suppkey and lo_orderdate = d_datekey and c_city in ('%s1', '%s5') and s_city in ('%s1', '%s5') and d_year >= %d and d_year <= %d
                    group by c_city, s_city, d_year order by d_year asc, revenue desc"""
                    .formatted(city, city, city, city, year, Math.min(1998, year + 5));
            case 9 -> """
                    select c_city, s_city, d_year, sum(lo_revenue) as revenue from customer, lineorder, supplier, dwdate
                    where lo_custkey = c_custkey and lo_suppkey = s_suppkey and lo_orderdate = d_datekey and c_city in ('%s1', '%s5') and s_city in ('%s1', '%s5') and d_yearmonth = '%s%d'
                    group by c_city, s_city, d_year order by d_year asc, revenue desc"""
                    .formatted(city, city, city, city, MONTHS[random.nextInt(12)], year);
            case 10 -> """
                    select d_year, c_nation, sum(lo_revenue - lo_supplycost) as profit from dwdate, customer, supplier, part, lineorder
                    where lo_custkey = c_custkey and lo_suppkey = s_suppkey and lo_partkey = p_partkey and lo_orderdate = d_datekey and c_region = '%s' and s_region = '%s'
                    and (p_mfgr = 'MFGR#%d' or p_mfgr = 'MFGR#%d')
                    group by d_year, c_nation order by d_year, c_nation"""
                    .formatted(region, region, mfgr, mfgr % 5 + 1);
            case 11 -> """
                    select d_year, s_nation, p_category, sum(lo_revenue - lo_supplycost) as profit from dwdate, customer, supplier, part, lineorder
                    where lo_custkey = c_custkey and lo_suppkey = s_suppkey and lo_partkey = p_partkey and lo_orderdate = d_datekey and c_region = '%s' and s_region = '%s'
                    and (d_year = %d or d_year = %d) and (p_mfgr = 'MFGR#%d' or p_mfgr = 'MFGR#%d')
                    group by d_year, s_nation, p_category order by d_year, s_nation, p_category"""
                    .formatted(region, region, year, year + 1, mfgr, mfgr % 5 + 1);
            default -> """
                    select d_year, s_city, p_brand1, sum(lo_revenue - lo_supplycost) as profit from dwdate, customer, supplier, part, lineorder
                    where lo_custkey = c_custkey and lo_suppkey = s_suppkey and lo_partkey = p_partkey and lo_orderdate = d_datekey and s_nation = '%s' and (d_year = %d or d_year = %d)
                    and p_category = 'MFGR#%d%d'
                    group by d_year, s_city, p_brand1 order by d_year, s_city, p_brand1"""
                    .formatted(nation, year, year + 1, mfgr, category);
        };
    }

    // SSB's cities are a nation's first 9 characters, padded, and a digit
    private static String cityPrefix(String nation)
    {
        String padded = (nation + "         ").substring(0, 9);
        return padded;
    }
}
