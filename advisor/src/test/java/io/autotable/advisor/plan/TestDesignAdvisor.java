package io.autotable.advisor.plan;

import io.autotable.advisor.Advice;
import io.autotable.advisor.AdvisorConfig;
import io.autotable.advisor.Recommendation;
import io.autotable.advisor.Recommendation.Kind;
import io.autotable.advisor.SortKeyChooser;
import io.autotable.advisor.TestingWorkloads;
import io.autotable.advisor.ddl.EmbeddedDdl;
import io.autotable.advisor.ddl.RedshiftDdl;
import io.autotable.advisor.encoding.WorkloadAwareEncodings;
import io.autotable.advisor.whatif.WorkloadWhatIf;
import io.autotable.catalog.Catalog;
import io.autotable.catalog.Column;
import io.autotable.catalog.Table;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.distkey.BestOfDistKeySolver;
import io.autotable.distkey.DistributionAdvice;
import io.autotable.distkey.DistributionAdvisor;
import io.autotable.distkey.DistributionCostModel;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.layout.LayoutBuilder;
import io.autotable.simulator.layout.StorageLayout;
import io.autotable.simulator.layout.TableData;
import io.autotable.simulator.layout.TestingTables;
import io.autotable.workload.Workload;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestDesignAdvisor
{
    private static final ClusterModel CLUSTER = ClusterModel.defaultModel().withNodes(2).withSlicesPerNode(1);
    private static final TableData FACT = TestingTables.random("fact", 1_200_000, 21);
    private static final TableData DIM = TestingTables.random("dim", 400_000, 22);
    private static final Catalog CATALOG = new Catalog(List.of(FACT.table(), DIM.table()));
    private static final Map<String, TableData> DATA = Map.of("fact", FACT, "dim", DIM);
    private static final SortKeyChooser SORT_ON_AMOUNT = (data, design, whatIf) ->
            data.table().name().equals("fact") ? Optional.of(new SortKeyChooser.Choice(SortStyle.COMPOUND, List.of("amount"), "the filter reads amount ranges")) : Optional.empty();

    // every kind with the defaults: laid out once for the tests that read it
    private static final Advice ADVICE = advise(AdvisorConfig.defaults(), Optional.of(SORT_ON_AMOUNT));

    @Test
    void benefitsAddUpToTheSimulatedSavingOfTheRecommendedDesign()
    {
        Advice advice = ADVICE;

        assertThat(advice.recommendations()).isNotEmpty();
        assertThat(advice.recommended().totalSeconds()).isLessThan(advice.baseline().totalSeconds());
        double sum = advice.recommendations().stream().mapToDouble(recommendation -> recommendation.benefit().seconds()).sum();
        assertThat(sum).isCloseTo(advice.baseline().totalSeconds() - advice.recommended().totalSeconds(), within(1e-9));
        double percent = advice.recommendations().stream().mapToDouble(Recommendation::benefitPercent).sum();
        assertThat(percent).isCloseTo((1 - advice.recommended().totalSeconds() / advice.baseline().totalSeconds()) * 100, within(1e-9));
        Map<String, Double> groupPercent = new HashMap<>();
        for (Recommendation recommendation : advice.recommendations()) {
            groupPercent.merge(recommendation.group(), recommendation.benefitPercent(), Double::sum);
        }
        for (Recommendation recommendation : advice.recommendations()) {
            if (recommendation.kind() == Kind.ENCODING && recommendation.benefitPercent() < AdvisorConfig.defaults().minBenefitPercent()) {
                // kept for the storage it saves, without making the workload slower
                assertThat(recommendation.benefit().seconds()).as(recommendation.id()).isGreaterThanOrEqualTo(0);
                assertThat(recommendation.benefit().storageBytes()).as(recommendation.id()).isPositive();
            }
            else {
                // changes that go together save together
                assertThat(groupPercent.get(recommendation.group())).as(recommendation.id()).isGreaterThanOrEqualTo(AdvisorConfig.defaults().minBenefitPercent() - 1e-9);
            }
        }
    }

    @Test
    void theRecommendedDesignLaidOutFromScratchCostsWhatTheAdviceSays()
    {
        Advice advice = ADVICE;

        LayoutBuilder builder = new LayoutBuilder(CLUSTER);
        Map<String, StorageLayout> layouts = new HashMap<>();
        DATA.forEach((name, data) -> layouts.put(name, builder.build(data, advice.design().table(name))));
        WorkloadWhatIf fresh = new WorkloadWhatIf(CLUSTER, CATALOG, workload(), layouts);
        assertThat(fresh.total().seconds()).isCloseTo(advice.recommended().totalSeconds(), within(1e-9));
    }

    @Test
    void eachRecommendationsDdlLeadsFromTheCurrentDesignToTheRecommendedOne()
    {
        Advice advice = ADVICE;

        Map<String, TableDesign> applied = new HashMap<>(Map.of("fact", TableDesign.initial(), "dim", TableDesign.initial()));
        for (Recommendation recommendation : advice.recommendations()) {
            assertThat(recommendation.ddl()).containsKeys("redshift", "embedded");
            assertThat(recommendation.ddl().get("redshift")).allSatisfy(statement -> assertThat(statement).startsWith("ALTER TABLE " + recommendation.table()));
            for (String statement : recommendation.ddl().get("embedded")) {
                EmbeddedDdl.Applied result = EmbeddedDdl.apply(applied.get(recommendation.table()), statement);
                applied.put(result.table(), result.design());
            }
        }
        for (String table : List.of("fact", "dim")) {
            TableDesign expected = advice.design().table(table);
            assertThat(applied.get(table).distribution()).isEqualTo(expected.distribution());
            assertThat(applied.get(table).distkey()).isEqualTo(expected.distkey());
            assertThat(applied.get(table).sortkey()).isEqualTo(expected.sortkey());
            for (Column column : CATALOG.findTable(table).orElseThrow().columns()) {
                assertThat(applied.get(table).encoding(column.name())).isEqualTo(expected.encoding(column.name()));
            }
        }
    }

    @Test
    void recommendsTheSortKeyOnTheFilteredColumnWithTheFilterAsEvidence()
    {
        Advice advice = advise(AdvisorConfig.defaults().withKinds(EnumSet.of(Kind.SORTKEY)), Optional.of(SORT_ON_AMOUNT));

        assertThat(advice.recommendations()).singleElement().satisfies(recommendation -> {
            assertThat(recommendation.table()).isEqualTo("fact");
            assertThat(recommendation.kind()).isEqualTo(Kind.SORTKEY);
            assertThat(recommendation.from()).isEqualTo("none");
            assertThat(recommendation.to()).isEqualTo("COMPOUND(amount)");
            assertThat(recommendation.reason()).isEqualTo("the filter reads amount ranges");
            assertThat(recommendation.evidence()).first().satisfies(evidence -> {
                assertThat(evidence.fingerprint()).isEqualTo(TestingWorkloads.FILTER);
                assertThat(evidence.secondsAfter()).isLessThan(evidence.secondsBefore());
            });
            assertThat(recommendation.ddl().get("redshift")).containsExactly("ALTER TABLE fact ALTER COMPOUND SORTKEY (amount);");
            // both halves of the log run the filter: they agree
            assertThat(recommendation.confidence().level()).isEqualTo("high");
        });
    }

    @Test
    void colocatesTheJoinedTablesAsOneGroup()
    {
        Advice advice = advise(AdvisorConfig.defaults().withKinds(EnumSet.of(Kind.DISTRIBUTION)), Optional.empty());

        List<Recommendation> distribution = advice.recommendations().stream().filter(recommendation -> recommendation.kind() == Kind.DISTRIBUTION).toList();
        assertThat(distribution).extracting(Recommendation::table).containsExactlyInAnyOrder("fact", "dim");
        assertThat(distribution).extracting(Recommendation::to).containsOnly("KEY(id)");
        assertThat(distribution).extracting(Recommendation::group).containsOnly(distribution.get(0).group());
    }

    @Test
    void declinesEverythingBelowTheMinimumBenefit()
    {
        Advice advice = advise(AdvisorConfig.defaults().withMinBenefitPercent(99), Optional.of(SORT_ON_AMOUNT));

        assertThat(advice.recommendations()).allSatisfy(recommendation -> assertThat(recommendation.kind()).isEqualTo(Kind.ENCODING));
        assertThat(advice.declined()).extracting(Advice.Declined::kind).contains(Kind.DISTRIBUTION, Kind.SORTKEY);
        assertThat(advice.declined()).allSatisfy(declined -> assertThat(declined.reason()).isNotBlank());
    }

    @Test
    void leavesTheSettingsAUserExcludedAsTheyAre()
    {
        Advice advice = advise(AdvisorConfig.defaults().withExcluded(Map.of("fact", EnumSet.of(Kind.SORTKEY, Kind.DISTRIBUTION))), Optional.of(SORT_ON_AMOUNT));

        assertThat(advice.recommendations()).noneMatch(recommendation -> recommendation.table().equals("fact") && recommendation.kind() != Kind.ENCODING);
        assertThat(advice.recommendations()).anyMatch(recommendation -> recommendation.table().equals("fact") && recommendation.kind() == Kind.ENCODING);
        assertThat(advice.declined()).filteredOn(declined -> declined.table().equals("fact") && declined.kind() == Kind.SORTKEY)
                .singleElement().extracting(Advice.Declined::reason).asString().startsWith("excluded by the user");
        assertThat(advice.design().table("fact").sortkey()).isEmpty();
    }

    private static Advice advise(AdvisorConfig config, Optional<SortKeyChooser> sortKeys)
    {
        Workload workload = workload();
        PhysicalDesign current = PhysicalDesign.initial(CATALOG);
        DistributionAdvice distribution = new DistributionAdvisor(new DistributionCostModel(CLUSTER.nodes(), CLUSTER.slicesPerNode()), new BestOfDistKeySolver())
                .advise(workload, CATALOG, current, 1);
        List<WorkloadWhatIf.Statement> statements = WorkloadWhatIf.statements(workload);
        List<Table> tables = List.of(FACT.table(), DIM.table());
        DesignAdvisor.Input input = new DesignAdvisor.Input(CLUSTER, CATALOG, current, tables, table -> DATA.get(table.name()), statements, statements, statements,
                Map.of(), Optional.of(distribution));
        return new DesignAdvisor(config, sortKeys, WorkloadAwareEncodings::defaults, List.of(new RedshiftDdl(), new EmbeddedDdl())).advise(input, DesignAdvisor.Listener.none());
    }

    private static Workload workload()
    {
        return TestingWorkloads.factAndDim(50, 30, 10);
    }
}
