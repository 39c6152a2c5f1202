package io.autotable.advisor.apply;

import io.autotable.advisor.AdvisorException;
import io.autotable.advisor.apply.TableRewriter.Step;
import io.autotable.design.TableDesign;
import io.autotable.error.ErrorCode;
import io.autotable.repository.DatabaseBackup;
import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipInputStream;

import static io.autotable.advisor.apply.TestingRewrites.BY_CUSTOMER;
import static io.autotable.advisor.apply.TestingRewrites.BY_DAY;
import static io.autotable.advisor.apply.TestingRewrites.INTERLEAVED;
import static io.autotable.advisor.apply.TestingRewrites.TABLE;
import static io.autotable.advisor.apply.TestingRewrites.assertConsistent;
import static io.autotable.advisor.apply.TestingRewrites.assertInSortOrder;
import static io.autotable.advisor.apply.TestingRewrites.checksum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTableRewriter
{
    private static final int ROWS = 3_000;
    private static final Throttle THROTTLE = Throttle.defaults().withBatchSize(400).withPause(Duration.ZERO);

    @TempDir
    Path directory;

    private Workspace workspace;

    @BeforeEach
    void createTable()
            throws SQLException
    {
        TestingRewrites.createWorkspace(directory, ROWS, 42);
        workspace = new Workspace(directory);
    }

    @Test
    void rewriteSortsRowsKeepsThemAndRecordsTheDesign()
            throws SQLException
    {
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace);
                WorkloadRepository repository = WorkloadRepository.open(workspace)) {
            TableChecksum original = checksum(warehouse);
            TableRewriter rewriter = new TableRewriter(warehouse, repository, THROTTLE);

            RewriteResult result = rewriter.apply(rewriter.plan(TABLE, BY_CUSTOMER, ChangeOrigin.APPLY, List.of("R1"), "test", 12.5));

            assertThat(result.changeId()).isEqualTo("C1");
            assertThat(result.checksum()).isEqualTo(original);
            assertThat(result.rows()).isEqualTo(ROWS);
            assertInSortOrder(warehouse.connection(), BY_CUSTOMER);
            assertConsistent(warehouse, repository, original);
            assertThat(repository.design().table(TABLE)).isEqualTo(BY_CUSTOMER);
            assertThat(new WarehouseTables(warehouse.connection()).designComment(TABLE)).contains(new DesignComment("C1", BY_CUSTOMER));
            // NOT NULL survives the copy
            assertThat(new WarehouseTables(warehouse.connection()).columns(TABLE)).containsEntry("order_id", true).containsEntry("custkey", false);

            ChangeRecord change = ChangeLog.read(repository).change("C1").orElseThrow();
            assertThat(change.state()).isEqualTo(ChangeState.DONE);
            assertThat(change.rows()).hasValue(ROWS);
            assertThat(change.checksum()).contains(original.hex());
            assertThat(change.plan().recommendationIds()).containsExactly("R1");
            assertThat(change.finished()).isPresent();
            assertThat(repository.journal()).extracting(entry -> entry.action())
                    .containsSubsequence("change-begin", "change-copied", "change-verified", "change-swapped", "change-done");
            assertThat(new DatabaseBackup(directory, Workspace.WAREHOUSE_NAME).exists()).as("the backup outlives its change").isFalse();
        }
    }

    @Test
    void interleavedKeyIsCopiedInCompoundOrderOfItsColumns()
            throws SQLException
    {
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace);
                WorkloadRepository repository = WorkloadRepository.open(workspace)) {
            TableChecksum original = checksum(warehouse);
            TableRewriter rewriter = new TableRewriter(warehouse, repository, THROTTLE);
            rewriter.apply(rewriter.plan(TABLE, INTERLEAVED, ChangeOrigin.DAEMON, List.of(), "test", 1));

            assertInSortOrder(warehouse.connection(), INTERLEAVED);
            assertConsistent(warehouse, repository, original);
        }
    }

    @Test
    void rollbackPlanRestoresTheEarlierDesign()
            throws SQLException
    {
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace);
                WorkloadRepository repository = WorkloadRepository.open(workspace)) {
            TableChecksum original = checksum(warehouse);
            TableRewriter rewriter = new TableRewriter(warehouse, repository, THROTTLE);
            rewriter.apply(rewriter.plan(TABLE, BY_DAY, ChangeOrigin.APPLY, List.of(), "test", 3));

            ChangePlan rollback = ChangeLog.read(repository).rollbackPlan("C1");
            assertThat(rollback.changeId()).isEqualTo("C2");
            assertThat(rollback.from()).isEqualTo(BY_DAY);
            assertThat(rollback.to()).isEqualTo(TableDesign.initial());
            rewriter.apply(rollback);

            assertThat(repository.design().table(TABLE)).isEqualTo(TableDesign.initial());
            assertConsistent(warehouse, repository, original);
            assertThat(ChangeLog.read(repository).change("C2").orElseThrow().rollsBack()).contains("C1");
            assertThat(ChangeLog.read(repository).nextChangeId()).isEqualTo("C3");
        }
    }

    @Test
    void refusesPlansThatNoLongerFitTheTable()
            throws SQLException
    {
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace);
                WorkloadRepository repository = WorkloadRepository.open(workspace)) {
            TableRewriter rewriter = new TableRewriter(warehouse, repository, THROTTLE);
            ChangePlan first = rewriter.plan(TABLE, BY_DAY, ChangeOrigin.APPLY, List.of(), "test", 3);
            rewriter.apply(first);

            assertThatThrownBy(() -> rewriter.apply(first))
                    .isInstanceOfSatisfying(AdvisorException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                    .hasMessageContaining("already in the journal");
            ChangePlan stale = new ChangePlan("C7", TABLE, TableDesign.initial(), BY_CUSTOMER, ChangeOrigin.APPLY, List.of(), "stale", 0, Optional.empty());
            assertThatThrownBy(() -> rewriter.apply(stale)).hasMessageContaining("no longer the plan's 'from'");
            ChangePlan missing = new ChangePlan("C8", "nation", TableDesign.initial(), BY_DAY, ChangeOrigin.APPLY, List.of(), "x", 0, Optional.empty());
            assertThatThrownBy(() -> rewriter.apply(missing))
                    .isInstanceOfSatisfying(AdvisorException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNKNOWN_TABLE));
            assertThat(ChangeLog.read(repository).changes()).hasSize(1);
        }
    }

    @Test
    void copyThatDoesNotMatchIsDroppedAndTheTableKeepsItsDesign()
            throws SQLException
    {
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace);
                WorkloadRepository repository = WorkloadRepository.open(workspace)) {
            TableChecksum original = checksum(warehouse);
            // a row lost in the copy, as a bug or a concurrent write would lose it
            TableRewriter rewriter = new TableRewriter(warehouse, repository, THROTTLE, step -> {
                if (step == Step.COPIED) {
                    execute(warehouse, "DELETE FROM \"autotable$new$orders\" WHERE _ROWID_ = (SELECT MIN(_ROWID_) FROM \"autotable$new$orders\")");
                }
            });

            assertThatThrownBy(() -> rewriter.apply(rewriter.plan(TABLE, BY_DAY, ChangeOrigin.DAEMON, List.of(), "test", 3)))
                    .isInstanceOfSatisfying(AdvisorException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.WAREHOUSE_FAILURE))
                    .hasMessageContaining("does not match");

            assertConsistent(warehouse, repository, original);
            assertThat(repository.design().table(TABLE)).isEqualTo(TableDesign.initial());
            ChangeRecord change = ChangeLog.read(repository).change("C1").orElseThrow();
            assertThat(change.state()).isEqualTo(ChangeState.FAILED);
            assertThat(change.message()).hasValueSatisfying(message -> assertThat(message).contains("does not match"));
        }
    }

    @Test
    void crashAtEveryStepIsRecoveredForwardOrBack()
            throws SQLException
    {
        TableChecksum original;
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace)) {
            original = checksum(warehouse);
        }
        TableDesign design = TableDesign.initial();
        for (Step crashAt : Step.values()) {
            TableDesign target = design.equals(BY_CUSTOMER) ? BY_DAY : BY_CUSTOMER;
            try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace);
                    WorkloadRepository repository = WorkloadRepository.open(workspace)) {
                TableRewriter rewriter = new TableRewriter(warehouse, repository, THROTTLE, step -> {
                    if (step == crashAt) {
                        throw new TestingCrash(step);
                    }
                });
                ChangePlan plan = rewriter.plan(TABLE, target, ChangeOrigin.DAEMON, List.of(), "crash at " + crashAt, 1);
                assertThatThrownBy(() -> rewriter.apply(plan)).isInstanceOf(TestingCrash.class);
            }
            // a new process: the crashed one's connections are gone
            try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace);
                    WorkloadRepository repository = WorkloadRepository.open(workspace)) {
                List<RecoveredChange> recovered = new TableRewriter(warehouse, repository, THROTTLE).recover();

                boolean forward = crashAt.compareTo(Step.SWAPPED) >= 0;
                if (crashAt == Step.DONE) {
                    // change-done was journaled: nothing was left to do
                    assertThat(recovered).isEmpty();
                }
                else {
                    assertThat(recovered).as("crash at " + crashAt).singleElement()
                            .extracting(RecoveredChange::outcome).isEqualTo(forward ? ChangeState.DONE : ChangeState.ROLLED_BACK);
                }
                assertConsistent(warehouse, repository, original);
                design = forward ? target : design;
                assertThat(repository.design().table(TABLE)).as("crash at " + crashAt).isEqualTo(design);
                if (!design.sortkey().isEmpty()) {
                    assertInSortOrder(warehouse.connection(), design);
                }
                // recovering again finds nothing to do
                assertThat(new TableRewriter(warehouse, repository, THROTTLE).recover()).isEmpty();
            }
        }
    }

    @Test
    void unreadableWarehouseAfterACrashIsRestoredFromTheBackupAndTheChangeRolledBack()
            throws Exception
    {
        TableChecksum original;
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace)) {
            original = checksum(warehouse);
        }
        DatabaseBackup backup = new DatabaseBackup(directory, Workspace.WAREHOUSE_NAME);
        // from the backup to the last step before it is discarded, including after the swap committed
        for (Step crashAt : List.of(Step.BACKED_UP, Step.COPIED, Step.VERIFIED, Step.SWAPPED, Step.COMMENTED, Step.DESIGN_SAVED, Step.SHADOW_DROPPED)) {
            TableDesign before;
            try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace);
                    WorkloadRepository repository = WorkloadRepository.open(workspace)) {
                before = repository.design().table(TABLE);
                TableDesign target = before.equals(BY_CUSTOMER) ? BY_DAY : BY_CUSTOMER;
                TableRewriter rewriter = new TableRewriter(warehouse, repository, THROTTLE, step -> {
                    if (step == crashAt) {
                        throw new TestingCrash(step);
                    }
                });
                ChangePlan plan = rewriter.plan(TABLE, target, ChangeOrigin.DAEMON, List.of(), "crash at " + crashAt, 1);
                assertThatThrownBy(() -> rewriter.apply(plan)).isInstanceOf(TestingCrash.class);
                assertThat(backup.exists()).as("backup during the change").isTrue();
            }
            TestingRewrites.makeUnreadable(workspace.warehouseFile());

            try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace);
                    WorkloadRepository repository = WorkloadRepository.open(workspace)) {
                List<RecoveredChange> recovered = new TableRewriter(warehouse, repository, THROTTLE).recover();

                assertThat(recovered).as("crash at " + crashAt).singleElement()
                        .extracting(RecoveredChange::outcome).isEqualTo(ChangeState.ROLLED_BACK);
                assertThat(ChangeLog.read(repository).change(recovered.get(0).changeId()).orElseThrow().message())
                        .hasValueSatisfying(message -> assertThat(message).contains("restored from the backup taken when the change began"));
                assertConsistent(warehouse, repository, original);
                assertThat(repository.design().table(TABLE)).as("crash at " + crashAt).isEqualTo(before);
                assertThat(backup.exists()).isFalse();
                assertThat(new TableRewriter(warehouse, repository, THROTTLE).recover()).isEmpty();
            }
        }
    }

    @Test
    void warehouseThatWentBackInTimeStopsRecoveryUntilTheBackupIsPutBack()
            throws Exception
    {
        TableChecksum original;
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace);
                WorkloadRepository repository = WorkloadRepository.open(workspace)) {
            original = checksum(warehouse);
            TableRewriter rewriter = new TableRewriter(warehouse, repository, THROTTLE, step -> {
                if (step == Step.COPIED) {
                    throw new TestingCrash(step);
                }
            });
            ChangePlan plan = rewriter.plan(TABLE, BY_CUSTOMER, ChangeOrigin.DAEMON, List.of(), "test", 1);
            assertThatThrownBy(() -> rewriter.apply(plan)).isInstanceOf(TestingCrash.class);
        }
        // what H2 opening an older state of the file looks like: rows the table had are gone
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace)) {
            execute(warehouse, "DELETE FROM " + TABLE + " WHERE order_id > 100");
        }
        DatabaseBackup backup = new DatabaseBackup(directory, Workspace.WAREHOUSE_NAME);

        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace);
                WorkloadRepository repository = WorkloadRepository.open(workspace)) {
            assertThatThrownBy(() -> new TableRewriter(warehouse, repository, THROTTLE).recover())
                    .isInstanceOfSatisfying(AdvisorException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DATABASE_CORRUPT))
                    .hasMessageContaining("rows but had %d when the change began".formatted(ROWS))
                    .hasMessageContaining(backup.file().toString());
            assertThat(ChangeLog.read(repository).unresolved()).singleElement().extracting(ChangeRecord::changeId).isEqualTo("C1");
        }
        assertThat(backup.exists()).isTrue();

        // what the message tells the user to do
        Files.move(workspace.warehouseFile(), directory.resolve("aside.mv.db"));
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(backup.file()))) {
            assertThat(zip.getNextEntry().getName()).isEqualTo(Workspace.WAREHOUSE_NAME + ".mv.db");
            Files.copy(zip, workspace.warehouseFile());
        }
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace);
                WorkloadRepository repository = WorkloadRepository.open(workspace)) {
            assertThat(new TableRewriter(warehouse, repository, THROTTLE).recover()).singleElement()
                    .extracting(RecoveredChange::outcome).isEqualTo(ChangeState.ROLLED_BACK);
            assertConsistent(warehouse, repository, original);
        }
    }

    @Test
    void concurrentQueriesAllSucceedWithTheSameResults()
            throws Exception
    {
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace);
                WorkloadRepository repository = WorkloadRepository.open(workspace)) {
            execute(warehouse, "CREATE TABLE customers AS SELECT DISTINCT custkey, 'c' || custkey AS name FROM orders WHERE custkey IS NOT NULL");
            List<String> queries = List.of(
                    "SELECT COUNT(*), SUM(amount) FROM orders",
                    "SELECT custkey, COUNT(*), SUM(amount) FROM orders GROUP BY custkey ORDER BY custkey",
                    "SELECT c.name, COUNT(*) FROM orders o JOIN customers c ON o.custkey = c.custkey WHERE o.order_id < 1000 GROUP BY c.name ORDER BY c.name");
            List<List<String>> expected = new ArrayList<>();
            for (String query : queries) {
                expected.add(TestingRewrites.rows(warehouse.connection(), query));
            }
            TableRewriter rewriter = new TableRewriter(warehouse, repository, Throttle.defaults().withBatchSize(300).withPause(Duration.ofMillis(2)));
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(3);
            List<Future<Integer>> readers = new ArrayList<>();
            for (int thread = 0; thread < 3; thread++) {
                int first = thread;
                readers.add(pool.submit(() -> {
                    int runs = 0;
                    try (Connection connection = DriverManager.getConnection(EmbeddedWarehouse.jdbcUrl(workspace), "sa", "")) {
                        while (!stop.get()) {
                            int query = (first + runs) % queries.size();
                            assertThat(TestingRewrites.rows(connection, queries.get(query))).as(queries.get(query)).isEqualTo(expected.get(query));
                            runs++;
                        }
                    }
                    return runs;
                }));
            }
            try {
                for (int i = 0; i < 6; i++) {
                    rewriter.apply(rewriter.plan(TABLE, i % 2 == 0 ? BY_CUSTOMER : BY_DAY, ChangeOrigin.DAEMON, List.of(), "test", 1));
                }
            }
            finally {
                stop.set(true);
                pool.shutdown();
            }
            for (Future<Integer> reader : readers) {
                assertThat(reader.get()).as("queries run by one reader").isPositive();
            }
            assertThat(ChangeLog.read(repository).changes()).extracting(ChangeRecord::state).containsOnly(ChangeState.DONE).hasSize(6);
        }
    }

    @Test
    void throttleRejectsNonsense()
    {
        assertThatThrownBy(() -> Throttle.defaults().withBatchSize(0)).hasMessageContaining("batchSize must be at least 1, got 0");
        assertThatThrownBy(() -> Throttle.defaults().withPause(Duration.ofMillis(-1))).hasMessageContaining("pause");
        assertThatThrownBy(() -> Throttle.defaults().withBusySessions(-1, Duration.ZERO)).hasMessageContaining("busySessions");
    }

    private static void execute(EmbeddedWarehouse warehouse, String sql)
    {
        try {
            new WarehouseTables(warehouse.connection()).execute(sql);
        }
        catch (SQLException e) {
            throw new RuntimeException(e);
        }
    }

    /** What a killed process does: stops where it is, running no cleanup. */
    private static final class TestingCrash
            extends Error
    {
        TestingCrash(Step step)
        {
            super("crash at " + step);
        }
    }
}
