package io.autotable.distkey;

import io.autotable.catalog.Catalog;
import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnStats;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.TableDesign;
import io.autotable.design.DistStyle;
import io.autotable.distkey.DistributionAdvice.Alternative;
import io.autotable.distkey.DistributionAdvice.TableAdvice;
import io.autotable.sql.Analysis;
import io.autotable.sql.SqlDialect;
import io.autotable.sql.calcite.CalciteSqlAnalyzer;
import io.autotable.workload.QueryGroup;
import io.autotable.workload.Workload;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestDistributionAdvisor
{
    private static final ColumnType BIGINT = ColumnType.parse("bigint");
    private static final DistributionAdvisor ADVISOR = new DistributionAdvisor(DistributionCostModel.DEFAULT, new BestOfDistKeySolver());

    private static final String FACT_DIM1 = "SELECT d1.name, SUM(f.amount) FROM fact f JOIN dim1 d1 ON f.d1 = d1.id GROUP BY d1.name";
    private static final String FACT_DIM2 = "SELECT d2.label, SUM(f.amount) FROM fact f JOIN dim2 d2 ON f.d2 = d2.id GROUP BY d2.label";
    private static final String WRITE_DIM2 = "INSERT INTO dim2 (id, label) VALUES (1, 'a')";

    /** A fact table of 10M rows, a dimension of 1M and one of 10, and a table nothing joins. */
    private static Catalog catalog(double factD1NullFraction)
    {
        return new Catalog(List.of(
                table("fact", 10_000_000, List.of(
                        unique("f_id", 10_000_000),
                        column("d1", 10_000_000, factD1NullFraction, 1_000_000),
                        column("d2", 10_000_000, 0, 10),
                        column("amount", 10_000_000, 0, 5_000))),
                table("dim1", 1_000_000, List.of(unique("id", 1_000_000), column("name", 1_000_000, 0, 900_000))),
                table("dim2", 10, List.of(unique("id", 10), column("label", 10, 0, 10))),
                table("lonely", 1_000, List.of(unique("x", 1_000)))));
    }

    private static Table table(String name, long rows, List<Column> columns)
    {
        return new Table(name, columns, rows, rows * 8 * columns.size());
    }

    private static Column unique(String name, long rows)
    {
        return column(name, rows, 0, rows);
    }

    private static Column column(String name, long rows, double nullFraction, long distinct)
    {
        return Column.of(name, BIGINT).withStats(new ColumnStats(rows, nullFraction, distinct, false, Optional.of("1"), Optional.of(Long.toString(distinct)), List.of(), List.of(), 8));
    }

    private static Workload workload(Catalog catalog, Map<String, Long> runs)
    {
        CalciteSqlAnalyzer analyzer = new CalciteSqlAnalyzer();
        List<QueryGroup> groups = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, Long> entry : runs.entrySet()) {
            Analysis analysis = analyzer.analyze(entry.getKey(), catalog, SqlDialect.ANSI);
            assertThat(analysis.error()).as(entry.getKey()).isEmpty();
            groups.add(new QueryGroup("q" + index++, entry.getValue(), entry.getValue() * 1_000, entry.getKey(), analysis.shape(), Optional.empty()));
        }
        return new Workload(groups);
    }

    private static Map<String, Long> runs(Object... sqlAndRuns)
    {
        Map<String, Long> runs = new LinkedHashMap<>();
        for (int i = 0; i < sqlAndRuns.length; i += 2) {
            runs.put((String) sqlAndRuns[i], ((Number) sqlAndRuns[i + 1]).longValue());
        }
        return runs;
    }

    @Test
    void keysTheFactAndItsBigDimensionOnTheirJoinAndCopiesTheTinyDimension()
    {
        Catalog catalog = catalog(0);
        DistributionAdvice advice = ADVISOR.advise(workload(catalog, runs(FACT_DIM1, 100, FACT_DIM2, 100)), catalog, PhysicalDesign.initial(catalog), 1);

        assertThat(advice.table("fact").recommended()).isEqualTo(Distribution.key("d1"));
        assertThat(advice.table("dim1").recommended()).isEqualTo(Distribution.key("id"));
        assertThat(advice.table("dim2").recommended()).isEqualTo(Distribution.all());
        assertThat(advice.colocatedWeight()).isCloseTo(advice.totalWeight(), within(1e-6 * advice.totalWeight()));
        assertThat(advice.optimal()).isTrue();
        assertThat(advice.table("dim2").joins()).singleElement().satisfies(join -> {
            assertThat(join.with()).isEqualTo("fact");
            assertThat(join.movement()).isEqualTo("DS_DIST_ALL_NONE");
            assertThat(join.queries()).containsExactly("q1");
        });
        assertThat(advice.table("fact").joins()).extracting(DistributionAdvice.LocalJoin::movement).contains("DS_DIST_NONE", "DS_DIST_ALL_NONE");
        assertThat(advice.table("dim1").reason()).contains("hashing on id makes 1 join local (with fact)");
    }

    @Test
    void keepsAFrequentlyWrittenTinyDimensionOffAll()
    {
        Catalog catalog = catalog(0);
        // each of the 10 joins would broadcast dim2 (3 nodes x 160 bytes); each of the 50 writes would copy it to 3 nodes again
        DistributionAdvice advice = ADVISOR.advise(workload(catalog, runs(FACT_DIM1, 100, FACT_DIM2, 10, WRITE_DIM2, 50)), catalog, PhysicalDesign.initial(catalog), 1);

        TableAdvice dim2 = advice.table("dim2");
        assertThat(dim2.recommended()).isEqualTo(Distribution.even());
        assertThat(dim2.allCopyBytes()).isEqualTo(160.0 * 3 * 51);
        assertThat(dim2.alternatives()).filteredOn(alternative -> alternative.distribution().equals(Distribution.all()))
                .singleElement()
                .satisfies(all -> assertThat(all.netSavedBytes()).isLessThan(dim2.alternatives().get(0).netSavedBytes()));
    }

    @Test
    void rejectsASkewedKeyAndSaysWhy()
    {
        // 40 % of the fact's d1 are null: one slice would hold 40 % + 60 %/16 of the table, 7 times its share
        Catalog catalog = catalog(0.4);
        DistributionAdvice advice = ADVISOR.advise(workload(catalog, runs(FACT_DIM1, 100)), catalog, PhysicalDesign.initial(catalog), 1);

        TableAdvice fact = advice.table("fact");
        assertThat(fact.recommended()).isEqualTo(Distribution.even());
        assertThat(fact.reason()).contains("d1 is skewed");
        assertThat(fact.alternatives()).filteredOn(alternative -> alternative.distribution().equals(Distribution.key("d1")))
                .singleElement()
                .satisfies(key -> assertThat(key.rejected()).hasValueSatisfying(reason -> assertThat(reason).isEqualTo("skewed: predicted slice imbalance 7.00 > 2.00")));
        // with the fact unkeyable, copying the 16 MB dimension to every node (48 MB once) beats broadcasting it in 100 joins
        assertThat(advice.table("dim1").recommended()).isEqualTo(Distribution.all());
        assertThat(fact.joins()).singleElement().satisfies(join -> assertThat(join.movement()).isEqualTo("DS_DIST_ALL_NONE"));
    }

    @Test
    void leavesATableNothingJoinsEven()
    {
        Catalog catalog = catalog(0);
        DistributionAdvice advice = ADVISOR.advise(workload(catalog, runs(FACT_DIM1, 5, "SELECT COUNT(*) FROM lonely WHERE x > 5", 1000)), catalog, PhysicalDesign.initial(catalog), 1);

        assertThat(advice.table("lonely").recommended()).isEqualTo(Distribution.even());
        assertThat(advice.table("lonely").reason()).contains("joins it with no other table");
        assertThat(advice.tables()).extracting(TableAdvice::table).containsExactly("dim1", "dim2", "fact", "lonely");
    }

    @Test
    void scoresTheCurrentDesignUnderTheSameWeights()
    {
        Catalog catalog = catalog(0);
        PhysicalDesign current = PhysicalDesign.initial(catalog)
                .with("fact", TableDesign.initial().withDistribution(DistStyle.KEY, Optional.of("d2")))
                .with("dim2", TableDesign.initial().withDistribution(DistStyle.KEY, Optional.of("id")));
        DistributionAdvice advice = ADVISOR.advise(workload(catalog, runs(FACT_DIM1, 100, FACT_DIM2, 100)), catalog, current, 2);

        // the current keys colocate only the light fact-dim2 join; the plan colocates both
        assertThat(advice.current().colocatedWeight()).isPositive().isLessThan(advice.colocatedWeight());
        assertThat(advice.netSavedBytes()).isGreaterThan(advice.current().netSavedBytes());
        TableAdvice fact = advice.table("fact");
        assertThat(fact.current()).isEqualTo(Distribution.key("d2"));
        assertThat(fact.changes()).isTrue();
        assertThat(fact.alternatives()).filteredOn(Alternative::current).singleElement()
                .satisfies(alternative -> assertThat(alternative.distribution()).isEqualTo(Distribution.key("d2")));
        assertThat(fact.alternatives().get(0).recommended()).isTrue();
        // two days of workload: per-day savings are half the weight
        assertThat(advice.table("dim1").bytesSavedPerDay()).isCloseTo(advice.table("dim1").joins().get(0).weight() / 2, within(1e-6));
    }

    @Test
    void everyAlternativeScoresAtMostTheRecommendation()
    {
        Catalog catalog = catalog(0);
        DistributionAdvice advice = ADVISOR.advise(workload(catalog, runs(FACT_DIM1, 100, FACT_DIM2, 30, WRITE_DIM2, 2)), catalog, PhysicalDesign.initial(catalog), 1);

        for (TableAdvice table : advice.tables()) {
            double recommended = table.alternatives().get(0).netSavedBytes();
            assertThat(recommended).isCloseTo(advice.netSavedBytes(), within(1e-6 * Math.max(1, recommended)));
            assertThat(table.alternatives()).allSatisfy(alternative -> assertThat(alternative.netSavedBytes()).isLessThanOrEqualTo(recommended * (1 + 1e-9) + 1e-9));
        }
    }
}
