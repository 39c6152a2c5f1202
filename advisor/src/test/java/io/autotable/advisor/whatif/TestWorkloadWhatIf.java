package io.autotable.advisor.whatif;

import io.autotable.advisor.TestingWorkloads;
import io.autotable.catalog.Catalog;
import io.autotable.design.DistStyle;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.cost.CostModel;
import io.autotable.simulator.layout.LayoutBuilder;
import io.autotable.simulator.layout.StorageLayout;
import io.autotable.simulator.layout.TableData;
import io.autotable.simulator.layout.TestingTables;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestWorkloadWhatIf
{
    private static final ClusterModel CLUSTER = ClusterModel.defaultModel().withNodes(2).withSlicesPerNode(1);
    private static final TableData FACT = TestingTables.random("fact", 1_200_000, 21);
    private static final TableData DIM = TestingTables.random("dim", 400_000, 22);
    private static final Catalog CATALOG = new Catalog(List.of(FACT.table(), DIM.table()));
    private static final LayoutBuilder BUILDER = new LayoutBuilder(CLUSTER);

    @Test
    void totalIsEveryStatementsCostTimesItsRuns()
    {
        Map<String, StorageLayout> layouts = Map.of("fact", BUILDER.build(FACT, TableDesign.initial()), "dim", BUILDER.build(DIM, TableDesign.initial()));
        WorkloadWhatIf whatIf = new WorkloadWhatIf(CLUSTER, CATALOG, TestingWorkloads.factAndDim(50, 30, 10), layouts);

        CostModel model = new CostModel(CLUSTER, CATALOG, layouts);
        double expected = 50 * model.cost(TestingWorkloads.filter()).seconds() + 30 * model.cost(TestingWorkloads.join()).seconds()
                + 10 * model.cost(TestingWorkloads.aggregate()).seconds();
        assertThat(whatIf.total().seconds()).isCloseTo(expected, within(1e-12));
        assertThat(whatIf.touching("dim").seconds()).isCloseTo(30 * model.cost(TestingWorkloads.join()).seconds(), within(1e-12));
    }

    @Test
    void changingOneTableGivesWhatCostingEverythingAgainGives()
    {
        Map<String, StorageLayout> initial = Map.of("fact", BUILDER.build(FACT, TableDesign.initial()), "dim", BUILDER.build(DIM, TableDesign.initial()));
        WorkloadWhatIf whatIf = new WorkloadWhatIf(CLUSTER, CATALOG, TestingWorkloads.factAndDim(50, 30, 10), initial);
        TableDesign keyed = TableDesign.initial().withDistribution(DistStyle.KEY, Optional.of("id")).withSortKey(SortStyle.COMPOUND, List.of("amount"));
        StorageLayout factKeyed = BUILDER.build(FACT, keyed);

        WorkloadWhatIf changed = whatIf.with("fact", factKeyed);
        WorkloadWhatIf fresh = new WorkloadWhatIf(CLUSTER, CATALOG, TestingWorkloads.factAndDim(50, 30, 10), Map.of("fact", factKeyed, "dim", initial.get("dim")));

        assertThat(changed.total()).isEqualTo(fresh.total());
        for (String fingerprint : List.of(TestingWorkloads.FILTER, TestingWorkloads.JOIN, TestingWorkloads.GROUP)) {
            assertThat(changed.cost(fingerprint).seconds()).isEqualTo(fresh.cost(fingerprint).seconds());
        }
        // the original is untouched
        assertThat(whatIf.layouts().get("fact")).isSameAs(initial.get("fact"));
        // the table what-if lays the data out and costs what touches the table
        assertThat(whatIf.forTable("fact", FACT, BUILDER).evaluate(keyed)).isEqualTo(fresh.touching("fact"));
        // sorting on the filtered column makes the filter cheaper
        assertThat(changed.cost(TestingWorkloads.FILTER).bytesScanned()).isLessThan(whatIf.cost(TestingWorkloads.FILTER).bytesScanned());
    }
}
