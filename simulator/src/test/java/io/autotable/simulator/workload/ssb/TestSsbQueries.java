package io.autotable.simulator.workload.ssb;

import io.autotable.catalog.Catalog;
import io.autotable.simulator.data.ssb.SsbGenerator;
import io.autotable.simulator.workload.DriftScenario;
import io.autotable.simulator.workload.QuerySet;
import io.autotable.simulator.workload.QueryTemplate;
import io.autotable.sql.Analysis;
import io.autotable.sql.SqlDialect;
import io.autotable.sql.calcite.CalciteSqlAnalyzer;
import io.autotable.workload.ColumnRef;
import io.autotable.workload.JoinPair;
import io.autotable.workload.Predicate;
import io.autotable.workload.QueryShape;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.autotable.simulator.workload.ssb.SsbParameters.NATION_REGIONS;
import static io.autotable.simulator.workload.ssb.SsbParameters.REGIONS;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

class TestSsbQueries
{
    private static final QuerySet SSB = SsbQueries.querySet();
    private static final Catalog CATALOG = new Catalog(new SsbGenerator().schema());

    @Test
    void shipsTheThirteenQueriesOfTheFourFlightsWithTheirValidationValues()
    {
        assertThat(SSB.benchmark()).isEqualTo("ssb");
        assertThat(SSB.templates()).extracting(QueryTemplate::name).containsExactlyElementsOf(SsbQueries.NAMES).hasSize(13);
        assertThat(SSB.templates()).allSatisfy(template -> assertThat(template.statements()).singleElement().asString()
                .startsWith("select")
                .doesNotContain("${"));
        assertThat(template("q1.1").statements().get(0)).contains("d_year = 1993").contains("lo_discount between 1 and 3").contains("lo_quantity < 25");
        assertThat(template("q3.3").statements().get(0)).contains("(c_city = 'UNITED KI1' or c_city = 'UNITED KI5')");
        assertThat(SSB.unvaried()).isEmpty();
    }

    @Test
    void sameRandomStateChoosesTheSameParameters()
    {
        SplittableRandom first = new SplittableRandom(5);
        SplittableRandom second = new SplittableRandom(5);
        for (int i = 0; i < 20; i++) {
            for (QueryTemplate template : SSB.templates()) {
                assertThat(SSB.parameters().choose(template, first)).isEqualTo(SSB.parameters().choose(template, second));
            }
        }
    }

    @Test
    void parametersVaryAndStayInThePapersDomains()
    {
        SplittableRandom random = new SplittableRandom(11);
        for (QueryTemplate template : SSB.templates()) {
            Set<String> texts = new HashSet<>();
            for (int i = 0; i < 300; i++) {
                String sql = SSB.parameters().choose(template, random).get(0);
                texts.add(sql);
                assertInDomain(template.name(), sql);
            }
            // q3.1 has the fewest combinations: 5 regions x 2 spans
            assertThat(texts).as(template.name()).hasSizeGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void everyStatementAnalysesIntoTheStarJoinAndFiltersOfItsFlight()
    {
        Map<String, Set<String>> tables = Map.of(
                "q1", Set.of("lineorder", "dwdate"),
                "q2", Set.of("lineorder", "dwdate", "part", "supplier"),
                "q3", Set.of("lineorder", "dwdate", "customer", "supplier"),
                "q4", Set.of("lineorder", "dwdate", "customer", "supplier", "part"));
        Map<String, Set<String>> filtered = Map.ofEntries(
                entry("q1.1", Set.of("dwdate.d_year", "lineorder.lo_discount", "lineorder.lo_quantity")),
                entry("q1.2", Set.of("dwdate.d_yearmonthnum", "lineorder.lo_discount", "lineorder.lo_quantity")),
                entry("q1.3", Set.of("dwdate.d_weeknuminyear", "dwdate.d_year", "lineorder.lo_discount", "lineorder.lo_quantity")),
                entry("q2.1", Set.of("part.p_category", "supplier.s_region")),
                entry("q2.2", Set.of("part.p_brand1", "supplier.s_region")),
                entry("q2.3", Set.of("part.p_brand1", "supplier.s_region")),
                entry("q3.1", Set.of("customer.c_region", "supplier.s_region", "dwdate.d_year")),
                entry("q3.2", Set.of("customer.c_nation", "supplier.s_nation", "dwdate.d_year")),
                entry("q3.3", Set.of("customer.c_nation", "customer.c_city", "supplier.s_city", "supplier.s_nation", "dwdate.d_year")),
                entry("q3.4", Set.of("customer.c_nation", "customer.c_city", "supplier.s_city", "supplier.s_nation", "dwdate.d_yearmonth")),
                entry("q4.1", Set.of("customer.c_region", "supplier.s_region", "part.p_mfgr")),
                entry("q4.2", Set.of("customer.c_region", "supplier.s_region", "dwdate.d_year", "part.p_mfgr")),
                entry("q4.3", Set.of("customer.c_region", "supplier.s_nation", "dwdate.d_year", "part.p_category")));
        SplittableRandom random = new SplittableRandom(3);
        for (QueryTemplate template : SSB.templates()) {
            for (String sql : List.of(template.statements().get(0), SSB.parameters().choose(template, random).get(0))) {
                QueryShape shape = analyze(sql);
                assertThat(shape.tablesRead()).as(template.name()).containsExactlyInAnyOrderElementsOf(tables.get(template.name().substring(0, 2)));
                assertThat(predicateColumns(shape)).as(template.name()).isEqualTo(new TreeSet<>(filtered.get(template.name())));
                assertThat(joins(shape)).as(template.name()).contains("dwdate.d_datekey=lineorder.lo_orderdate").hasSize(shape.tablesRead().size() - 1);
                assertThat(shape.predicates()).as(template.name()).allSatisfy(predicate -> assertThat(predicate.values()).isNotEmpty());
            }
        }
    }

    @Test
    void driftMovesFiltersToLineorderDatesAndCustomerRegionsAndAddsJoinPaths()
    {
        assertThat(SSB.drift().scenarios()).containsExactly(DriftScenario.NONE, DriftScenario.NEW_JOIN_PATH, DriftScenario.FILTER_SHIFT);
        SplittableRandom random = new SplittableRandom(8);
        Set<String> filteredColumns = new TreeSet<>();
        Set<String> joined = new TreeSet<>();
        for (int i = 0; i < 60; i++) {
            QueryShape shifted = analyze(SSB.drift().statement(DriftScenario.FILTER_SHIFT, random));
            filteredColumns.addAll(predicateColumns(shifted));
            assertThat(predicateColumns(shifted)).noneMatch(column -> column.startsWith("dwdate."));
            joined.addAll(joins(analyze(SSB.drift().statement(DriftScenario.NEW_JOIN_PATH, random))));
        }
        assertThat(filteredColumns).contains("lineorder.lo_orderdate", "lineorder.lo_commitdate", "customer.c_region");
        assertThat(joined).containsExactlyInAnyOrder("dwdate.d_datekey=lineorder.lo_commitdate", "customer.c_city=supplier.s_city");
    }

    @Test
    void nationsRegionsCitiesAndBrandsAreThoseOfTheGeneratedData()
    {
        SsbGenerator generator = new SsbGenerator();
        Set<String> nations = new TreeSet<>();
        for (String table : List.of("customer", "supplier")) {
            boolean customer = table.equals("customer");
            generator.generate(table, 0.01, row -> {
                String city = (String) row[3];
                String nation = (String) row[4];
                assertThat(NATION_REGIONS).containsEntry(nation, (String) row[5]);
                assertThat(city).isEqualTo(SsbParameters.city(nation, city.charAt(city.length() - 1) - '0'));
                if (customer) {
                    nations.add(nation);
                }
            });
        }
        assertThat(nations).containsExactlyInAnyOrderElementsOf(NATION_REGIONS.keySet());
        generator.generate("part", 0.01, row -> {
            assertThat((String) row[3]).matches("MFGR#[1-5][1-5]");
            assertThat((String) row[4]).startsWith((String) row[3]);
            assertThat(Integer.parseInt(((String) row[4]).substring(7))).isBetween(1, 40);
        });
    }

    private static QueryTemplate template(String name)
    {
        return SSB.templates().stream().filter(template -> template.name().equals(name)).findFirst().orElseThrow();
    }

    private static QueryShape analyze(String sql)
    {
        Analysis analysis = new CalciteSqlAnalyzer().analyze(sql, CATALOG, SqlDialect.REDSHIFT);
        assertThat(analysis.error()).as(sql).isEmpty();
        assertThat(analysis.warnings()).as(sql).isEmpty();
        return analysis.shape().orElseThrow();
    }

    private static Set<String> predicateColumns(QueryShape shape)
    {
        Set<String> columns = new TreeSet<>();
        for (Predicate predicate : shape.predicates()) {
            columns.add(predicate.column().toString());
        }
        return columns;
    }

    private static List<String> joins(QueryShape shape)
    {
        List<String> joins = new ArrayList<>();
        for (JoinPair join : shape.joins()) {
            List<ColumnRef> sides = new ArrayList<>(List.of(join.left(), join.right()));
            sides.sort(null);
            joins.add(sides.get(0) + "=" + sides.get(1));
        }
        return joins;
    }

    private static void assertInDomain(String query, String sql)
    {
        for (int year : integers(sql, "d_year (?:=|>=|<=) (\\d+)")) {
            assertThat(year).as(sql).isBetween(1992, 1998);
        }
        for (int[] range : ranges(sql, "lo_discount between (\\d+) and (\\d+)")) {
            assertThat(range[0]).as(sql).isBetween(0, 8);
            assertThat(range[1]).as(sql).isEqualTo(range[0] + 2);
        }
        for (int[] range : ranges(sql, "lo_quantity between (\\d+) and (\\d+)")) {
            assertThat(range[0]).as(sql).isGreaterThanOrEqualTo(1);
            assertThat(range[1]).as(sql).isLessThanOrEqualTo(50).isEqualTo(range[0] + (query.equals("q1.2") ? 9 : 4));
        }
        assertThat(integers(sql, "lo_quantity < (\\d+)")).as(sql).allSatisfy(quantity -> assertThat(quantity).isBetween(24, 26));
        assertThat(integers(sql, "d_weeknuminyear = (\\d+)")).as(sql).allSatisfy(week -> assertThat(week).isBetween(1, 52));
        assertThat(integers(sql, "d_yearmonthnum = (\\d+)")).as(sql).allSatisfy(month -> {
            assertThat(month / 100).isBetween(1992, 1998);
            assertThat(month % 100).isBetween(1, 12);
        });
        assertThat(strings(sql, "d_yearmonth = '(\\w+)'")).as(sql).allSatisfy(month -> assertThat(month).matches("(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)199[2-8]"));
        assertThat(strings(sql, "_region = '([A-Z ]+)'")).as(sql).allSatisfy(region -> assertThat(REGIONS).contains(region));
        List<String> nations = strings(sql, "_nation = '([A-Z ]+)'");
        assertThat(nations).as(sql).allSatisfy(nation -> assertThat(NATION_REGIONS).containsKey(nation));
        if (query.equals("q4.3")) {
            assertThat(NATION_REGIONS.get(nations.get(0))).as(sql).isEqualTo(strings(sql, "c_region = '([A-Z ]+)'").get(0));
        }
        List<String> cities = strings(sql, "c_city = '([^']+)'");
        if (!cities.isEmpty()) {
            assertThat(cities).as(sql).hasSize(2).doesNotHaveDuplicates()
                    .allSatisfy(city -> assertThat(city).isEqualTo(SsbParameters.city(nations.get(0), city.charAt(9) - '0')));
            assertThat(strings(sql, "s_city = '([^']+)'")).as(sql).isEqualTo(cities);
        }
        assertThat(strings(sql, "p_category = '([^']+)'")).as(sql).allSatisfy(category -> assertThat(category).matches("MFGR#[1-5][1-5]"));
        assertThat(strings(sql, "p_brand1 = '([^']+)'")).as(sql).allSatisfy(brand -> assertThat(Integer.parseInt(brand.substring(7))).isBetween(1, 40));
        Matcher brands = Pattern.compile("p_brand1 between '(MFGR#[1-5][1-5])(\\d\\d)' and '(MFGR#[1-5][1-5])(\\d\\d)'").matcher(sql);
        if (query.equals("q2.2")) {
            assertThat(brands.find()).as(sql).isTrue();
            assertThat(brands.group(1)).isEqualTo(brands.group(3));
            int low = Integer.parseInt(brands.group(2));
            assertThat(Integer.parseInt(brands.group(4))).isEqualTo(low + 7);
            // same tens digit: the string range holds exactly the 8 brands
            assertThat(low / 10).isEqualTo((low + 7) / 10);
        }
        List<String> manufacturers = strings(sql, "p_mfgr = '([^']+)'");
        assertThat(manufacturers).as(sql).doesNotHaveDuplicates().allSatisfy(mfgr -> assertThat(mfgr).matches("MFGR#[1-5]"));
    }

    private static List<Integer> integers(String sql, String regex)
    {
        return strings(sql, regex).stream().map(Integer::parseInt).toList();
    }

    private static List<int[]> ranges(String sql, String regex)
    {
        List<int[]> ranges = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(sql);
        while (matcher.find()) {
            ranges.add(new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))});
        }
        return ranges;
    }

    private static List<String> strings(String sql, String regex)
    {
        List<String> values = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(sql);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }
}
