package io.autotable.simulator.warehouse;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnStats;
import io.autotable.catalog.Table;
import io.autotable.design.TableDesign;
import io.autotable.error.ErrorCode;
import io.autotable.repository.CatalogEntry;
import io.autotable.repository.TableState;
import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.stats.StatsOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestBenchmarkLoader
{
    @TempDir
    Path directory;

    @Test
    void loadsEveryTableWithStatisticsAndTheInitialDesign()
    {
        Workspace workspace = new Workspace(directory);
        try (WorkloadRepository repository = WorkloadRepository.open(workspace);
                EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace)) {
            LoadSummary summary = new BenchmarkLoader(repository, warehouse, StatsOptions.defaults(), LoadListener.none())
                    .load(new TestingBenchmarkGenerator(25_000), 0.01);

            assertThat(summary.rows()).isEqualTo(25_003);
            assertThat(warehouse.rowCount("small")).isEqualTo(25_000);
            assertThat(warehouse.tableNames()).containsExactly("small", "tiny");

            Table small = repository.catalog().table("small");
            assertThat(small.rows()).isEqualTo(25_000);
            assertThat(small.sizeBytes()).isPositive();
            ColumnStats id = small.column("id").stats().orElseThrow();
            assertThat(id.distinct()).isEqualTo(25_000);
            assertThat(id.min()).contains("0");
            assertThat(id.max()).contains("24999");
            ColumnStats label = small.column("label").stats().orElseThrow();
            assertThat(label.nullFraction()).isEqualTo(0.1);
            assertThat(label.distinct()).isEqualTo(7);
            assertThat(small.column("amount").stats().orElseThrow().max()).contains("249.99");
            assertThat(small.column("day").stats().orElseThrow().min()).contains("2020-01-01");

            assertThat(repository.design().table("small")).isEqualTo(TableDesign.initial());
            assertThat(repository.catalogEntries()).extracting(CatalogEntry::state).containsOnly(TableState.COMPLETE);
            assertThat(repository.journal()).extracting(entry -> entry.action()).containsExactly("init-started", "init-finished");
        }
    }

    @Test
    void reloadingReplacesTheTablesInsteadOfAppending()
    {
        Workspace workspace = new Workspace(directory);
        try (WorkloadRepository repository = WorkloadRepository.open(workspace);
                EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace)) {
            BenchmarkLoader loader = new BenchmarkLoader(repository, warehouse, StatsOptions.defaults(), LoadListener.none());
            loader.load(new TestingBenchmarkGenerator(1_000), 0.01);
            loader.load(new TestingBenchmarkGenerator(500), 0.01);

            assertThat(warehouse.rowCount("small")).isEqualTo(500);
            assertThat(repository.catalog().table("small").rows()).isEqualTo(500);
        }
    }

    @Test
    void aCancelledLoadLeavesTheTableMarkedIncompleteAndTheWorkspaceOpenable()
    {
        Workspace workspace = new Workspace(directory);
        try (WorkloadRepository repository = WorkloadRepository.open(workspace);
                EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace)) {
            AtomicReference<BenchmarkLoader> loader = new AtomicReference<>();
            LoadListener cancelMidway = new LoadListener()
            {
                @Override
                public void rowsLoaded(String table, long rowsSoFar)
                {
                    if (rowsSoFar >= 20_000) {
                        loader.get().cancel();
                    }
                }
            };
            loader.set(new BenchmarkLoader(repository, warehouse, StatsOptions.defaults(), cancelMidway));

            assertThatThrownBy(() -> loader.get().load(new TestingBenchmarkGenerator(200_000), 0.01))
                    .isInstanceOf(SimulatorException.class)
                    .hasMessageContaining("small")
                    .hasMessageContaining("incomplete")
                    .extracting(e -> ((SimulatorException) e).errorCode()).isEqualTo(ErrorCode.INTERRUPTED);
        }

        try (WorkloadRepository reopened = WorkloadRepository.openExisting(workspace)) {
            assertThat(reopened.catalogEntry("small")).get().extracting(CatalogEntry::state).isEqualTo(TableState.INCOMPLETE);
            assertThat(reopened.catalog().findTable("small")).isEmpty();
            assertThat(reopened.catalogEntry("small").orElseThrow().table().columns()).extracting(Column::stats).allMatch(stats -> stats.isEmpty());
        }
    }

    @Test
    void rejectsAScaleOutsideTheGeneratorsRangeBeforeWritingAnything()
    {
        Workspace workspace = new Workspace(directory);
        try (WorkloadRepository repository = WorkloadRepository.open(workspace);
                EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace)) {
            BenchmarkLoader loader = new BenchmarkLoader(repository, warehouse, StatsOptions.defaults(), LoadListener.none());

            for (double scale : new double[] {0, -1, Double.NaN, 1e6}) {
                assertThatThrownBy(() -> loader.load(new TestingBenchmarkGenerator(10), scale))
                        .isInstanceOf(SimulatorException.class)
                        .hasMessageContaining("scale")
                        .extracting(e -> ((SimulatorException) e).errorCode()).isEqualTo(ErrorCode.INVALID_SCALE);
            }
            assertThat(repository.catalogEntries()).isEmpty();
            assertThat(repository.journal()).isEmpty();
        }
    }
}
