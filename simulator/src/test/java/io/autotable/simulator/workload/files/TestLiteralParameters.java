package io.autotable.simulator.workload.files;

import io.autotable.catalog.Catalog;
import io.autotable.simulator.data.tpcds.TpcdsGenerator;
import io.autotable.simulator.workload.BenchmarkQueries;
import io.autotable.simulator.workload.QuerySet;
import io.autotable.simulator.workload.QueryTemplate;
import io.autotable.sql.Analysis;
import io.autotable.sql.SqlDialect;
import io.autotable.sql.calcite.CalciteSqlAnalyzer;
import io.autotable.testing.BenchmarkFiles;
import io.autotable.workload.Predicate;
import io.autotable.workload.QueryShape;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TestLiteralParameters
{
    private static final int FIRST_YEAR = 1998;
    private static final int LAST_YEAR = 2002;

    @Test
    void datesAndYearsMoveTogetherByWholeYearsInsideTheBenchmarksYears()
    {
        QueryTemplate template = template("q", """
                select count(*) from store_sales, date_dim
                where ss_sold_date_sk = d_date_sk
                  and d_year = 2000
                  and d_date between '2000-01-27' and cast('2000-04-26' as date)
                  and d_year in (2000, 2000 + 1)""");
        LiteralParameters parameters = new LiteralParameters(List.of(template), FIRST_YEAR, LAST_YEAR);
        SplittableRandom random = new SplittableRandom(1);
        Set<Integer> shifts = new TreeSet<>();
        for (int i = 0; i < 200; i++) {
            String sql = parameters.choose(template, random).get(0);
            Matcher year = Pattern.compile("d_year = (\\d{4})").matcher(sql);
            assertThat(year.find()).isTrue();
            int shift = Integer.parseInt(year.group(1)) - 2000;
            shifts.add(shift);
            assertThat(sql).contains("d_date between '%d-01-27' and cast('%d-04-26' as date)".formatted(2000 + shift, 2000 + shift))
                    .contains("d_year in (%d, %d + 1)".formatted(2000 + shift, 2000 + shift));
        }
        // 2000 + 1 may move up to 2002, 2000 down to 1998
        assertThat(shifts).containsExactly(-2, -1, 0, 1);
    }

    @Test
    void numbersTakeValuesInsideTheRangeTheFilesUseForTheirColumnWithTheirDecimals()
    {
        List<QueryTemplate> templates = List.of(
                template("a", "select 1 from household_demographics where hd_dep_count = 3 and i_current_price > 0.99"),
                template("b", "select 1 from household_demographics where hd_dep_count = 7 and i_current_price < 1.49"),
                template("c", "select 1 from household_demographics where hd_dep_count = 5"));
        LiteralParameters parameters = new LiteralParameters(templates, FIRST_YEAR, LAST_YEAR);
        SplittableRandom random = new SplittableRandom(2);
        Set<Integer> counts = new TreeSet<>();
        Set<String> prices = new TreeSet<>();
        for (int i = 0; i < 300; i++) {
            String sql = parameters.choose(templates.get(0), random).get(0);
            counts.add(Integer.parseInt(find(sql, "hd_dep_count = (\\S+)")));
            prices.add(find(sql, "i_current_price > (\\S+)"));
        }
        assertThat(counts).containsExactly(3, 4, 5, 6, 7);
        assertThat(prices).hasSizeGreaterThan(20).allSatisfy(price -> {
            assertThat(price).matches("\\d\\.\\d\\d");
            // > 1.49 would select nothing the files ever ask for
            assertThat(new BigDecimal(price)).isBetween(new BigDecimal("0.99"), new BigDecimal("1.48"));
        });
    }

    @Test
    void betweenKeepsItsWidthInListsTheirLengthAndOffsetListsMoveAsOneBlock()
    {
        List<QueryTemplate> templates = List.of(
                template("a", "select 1 from t where ss_quantity between 10 and 20 and s_state in ('TN', 'SD') and d_month_seq in (1200, 1200 + 1, 1200 + 2)"),
                template("b", "select 1 from t where ss_quantity between 0 and 100 and s_state in ('GA', 'OH', 'TN') and d_month_seq between 1176 and 1176 + 11"));
        LiteralParameters parameters = new LiteralParameters(templates, FIRST_YEAR, LAST_YEAR);
        SplittableRandom random = new SplittableRandom(3);
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String sql = parameters.choose(templates.get(0), random).get(0);
            texts.add(sql);
            Matcher between = Pattern.compile("ss_quantity between (\\d+) and (\\d+)").matcher(sql);
            assertThat(between.find()).isTrue();
            int low = Integer.parseInt(between.group(1));
            assertThat(low).isBetween(0, 90);
            assertThat(Integer.parseInt(between.group(2))).isEqualTo(low + 10);
            List<String> states = List.of(find(sql, "s_state in \\(([^)]*)\\)").split(", "));
            assertThat(states).hasSize(2).doesNotHaveDuplicates().allSatisfy(state -> assertThat(state).isIn("'GA'", "'OH'", "'SD'", "'TN'"));
            Matcher block = Pattern.compile("d_month_seq in \\((\\d+), (\\d+) \\+ 1, (\\d+) \\+ 2\\)").matcher(sql);
            assertThat(block.find()).as(sql).isTrue();
            assertThat(block.group(2)).isEqualTo(block.group(1));
            assertThat(block.group(3)).isEqualTo(block.group(1));
            // the pool's values run from 1176 to 1187 + ... 1202: the block's last month stays inside
            assertThat(Integer.parseInt(block.group(1))).isBetween(1176, 1200);
        }
        assertThat(texts).hasSizeGreaterThan(100);
    }

    @Test
    void aColumnComparedWithTheSameLiteralTwiceTakesOneValueAndTheSameRandomStateTheSameText()
    {
        List<QueryTemplate> templates = List.of(
                template("a", "select 1 from t where (hd_dep_count = 3 or x = 1) and (hd_dep_count = 3 or x = 2)"),
                template("b", "select 1 from t where hd_dep_count = 9"));
        LiteralParameters parameters = new LiteralParameters(templates, FIRST_YEAR, LAST_YEAR);
        SplittableRandom random = new SplittableRandom(4);
        SplittableRandom again = new SplittableRandom(4);
        for (int i = 0; i < 50; i++) {
            String sql = parameters.choose(templates.get(0), random).get(0);
            assertThat(parameters.choose(templates.get(0), again).get(0)).isEqualTo(sql);
            Matcher counts = Pattern.compile("hd_dep_count = (\\d+)").matcher(sql);
            assertThat(counts.find()).isTrue();
            String first = counts.group(1);
            assertThat(counts.find()).isTrue();
            assertThat(counts.group(1)).isEqualTo(first);
        }
    }

    @Test
    void keepsLimitsArithmeticFunctionArgumentsLikePatternsAndCaseLabels()
    {
        String kept = """
                select sum(case when d_day_name = 'Sunday' then 1 else 0 end) as sundays
                from t
                where substr(ca_zip, 1, 5) = '85669'
                  and ss_quantity * 2 > 10
                  and i_item_desc like 'abc%'
                  and 5 < ss_list_price
                  and ss_net_profit > 1.2 * ss_list_price
                limit 100""";
        List<QueryTemplate> templates = List.of(
                template("kept", kept),
                template("other", """
                        select 1 from t where d_day_name = 'Monday' and ca_zip = '12345' and ss_quantity > 50 and i_item_desc = 'x'
                          and ss_list_price > 7 and ss_net_profit > 3"""));
        LiteralParameters parameters = new LiteralParameters(templates, FIRST_YEAR, LAST_YEAR);

        assertThat(parameters.varies(templates.get(0))).isFalse();
        // nor are the kept literals values of the other template's pools, which so have one value each
        assertThat(parameters.varies(templates.get(1))).isFalse();
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 20; i++) {
            assertThat(parameters.choose(templates.get(0), random)).containsExactly(kept);
        }
    }

    @Test
    void variesNearlyEveryTpcdsQueryWithoutChangingWhatItReadsJoinsOrFilters()
    {
        QuerySet tpcds = BenchmarkQueries.fromFiles("tpcds", List.of(BenchmarkFiles.root().resolve("tpcds/queries_duckdb")));
        assertThat(tpcds.problems()).isEmpty();
        assertThat(tpcds.templates()).hasSize(99);
        // their literals are keys or strings no other file compares their columns with, or IS NULL tests
        assertThat(tpcds.unvaried()).containsExactly("q44", "q76", "q84", "q93");

        Catalog catalog = new Catalog(new TpcdsGenerator().schema());
        CalciteSqlAnalyzer analyzer = new CalciteSqlAnalyzer();
        SplittableRandom random = new SplittableRandom(6);
        List<String> differences = new ArrayList<>();
        for (QueryTemplate template : tpcds.templates()) {
            QueryShape original = shape(analyzer.analyze(template.statements().get(0), catalog, SqlDialect.REDSHIFT));
            Set<String> texts = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                String sql = tpcds.parameters().choose(template, random).get(0);
                texts.add(sql);
                QueryShape varied = shape(analyzer.analyze(sql, catalog, SqlDialect.REDSHIFT));
                if (!varied.tablesRead().equals(original.tablesRead()) || !varied.joins().equals(original.joins())
                        || !filtered(varied).equals(filtered(original)) || !varied.groupBy().equals(original.groupBy())) {
                    differences.add(template.name() + ": " + sql);
                }
                for (String date : findAll(sql, "'(\\d{4})-\\d\\d-\\d\\d'")) {
                    assertThat(Integer.parseInt(date)).as(template.name()).isBetween(FIRST_YEAR, LAST_YEAR);
                }
            }
            if (!tpcds.unvaried().contains(template.name())) {
                assertThat(texts).as(template.name()).hasSizeGreaterThan(1);
            }
        }
        assertThat(differences).isEmpty();
    }

    private static QueryShape shape(Analysis analysis)
    {
        assertThat(analysis.error()).isEmpty();
        return analysis.shape().orElseThrow();
    }

    private static Set<String> filtered(QueryShape shape)
    {
        Set<String> columns = new TreeSet<>();
        for (Predicate predicate : shape.predicates()) {
            columns.add(predicate.column() + " " + predicate.operator());
        }
        return columns;
    }

    private static QueryTemplate template(String name, String sql)
    {
        return new QueryTemplate(name, List.of(sql));
    }

    private static String find(String text, String regex)
    {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }

    private static List<String> findAll(String text, String regex)
    {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
