package io.autotable.repository;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.design.DistStyle;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.workload.QueryEvent;
import io.autotable.workload.QueryShape;
import io.autotable.workload.StatementKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestWorkloadRepository
{
    @TempDir
    Path directory;

    private static Table nation()
    {
        return Table.declared("nation", List.of(
                Column.notNull("n_nationkey", ColumnType.of(ColumnType.Kind.INTEGER)),
                Column.notNull("n_name", ColumnType.character(25))));
    }

    private static List<QueryEvent> events(String source, int count)
    {
        List<QueryEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(QueryEvent.succeeded(source, Integer.toString(i), "user" + (i % 3), Instant.ofEpochSecond(1_700_000_000L + i), 1_000 + i, i,
                    "select * from nation where n_nationkey = " + i, "fp" + (i % 7)));
        }
        return events;
    }

    @Test
    void freshWorkspaceHasTheLatestSchema()
    {
        try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory))) {
            assertThat(repository.schemaVersion()).isEqualTo(Migrations.latestVersion());
            assertThat(repository.catalogEntries()).isEmpty();
            assertThat(repository.eventCount()).isZero();
        }
        assertThat(directory.resolve("autotable.mv.db")).exists();
    }

    @Test
    void storesCatalogAndDesignAcrossReopening()
    {
        Workspace workspace = new Workspace(directory);
        TableDesign design = TableDesign.initial().withDistribution(DistStyle.ALL, Optional.empty()).withSortKey(SortStyle.COMPOUND, List.of("n_name"));
        try (WorkloadRepository repository = WorkloadRepository.open(workspace)) {
            repository.saveTables(List.of(nation()), TableState.COMPLETE, "test", PhysicalDesign.empty().with("nation", design));
        }
        try (WorkloadRepository repository = WorkloadRepository.openExisting(workspace)) {
            assertThat(repository.catalog().table("nation")).isEqualTo(nation());
            assertThat(repository.catalogEntry("NATION")).get().extracting(CatalogEntry::state, CatalogEntry::origin)
                    .containsExactly(TableState.COMPLETE, "test");
            assertThat(repository.design().table("nation")).isEqualTo(design);
        }
    }

    @Test
    void incompleteTablesAreListedButNeverInTheUsableCatalog()
    {
        try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory))) {
            repository.saveTable(nation(), TableState.INCOMPLETE, "tpch scale 0.01");

            assertThat(repository.catalogEntries()).extracting(CatalogEntry::state).containsExactly(TableState.INCOMPLETE);
            assertThat(repository.catalog().tables()).isEmpty();
        }
    }

    @Test
    void reimportingTheSameEventsAddsNothingTwice()
    {
        try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory))) {
            assertThat(repository.appendEvents(events("log-a", 12_345))).isEqualTo(12_345);
            assertThat(repository.appendEvents(events("log-a", 12_345))).isZero();
            assertThat(repository.appendEvents(events("log-b", 10))).isEqualTo(10);

            assertThat(repository.eventCount()).isEqualTo(12_355);
        }
    }

    @Test
    void aRepeatedIdWithinOneCallIsStoredOnce()
    {
        List<QueryEvent> events = new ArrayList<>(events("log", 3));
        events.addAll(events("log", 3));
        events.addAll(events("other-log", 2));
        try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory))) {
            assertThat(repository.appendEvents(events)).isEqualTo(5);
            assertThat(repository.eventCount()).isEqualTo(5);
        }
    }

    @Test
    void eventsReadBackAsWritten()
    {
        List<QueryEvent> written = new ArrayList<>(events("log", 5));
        written.add(QueryEvent.failed("log", "failed-1", "etl", Instant.parse("2026-01-02T03:04:05.678901Z"), 17, "select nope", "fpx", "column nope not found"));
        try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory))) {
            repository.appendEvents(written);
            List<QueryEvent> read = new ArrayList<>();
            repository.forEachEvent(read::add);

            assertThat(read).isEqualTo(written);
        }
    }

    @Test
    void groupsEventsByFingerprintHeaviestFirst()
    {
        try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory))) {
            repository.appendEvents(List.of(
                    QueryEvent.succeeded("log", "1", "u", Instant.EPOCH, 10, 1, "select 1", "light"),
                    QueryEvent.succeeded("log", "2", "u", Instant.EPOCH, 500, 1, "select 2 -- first heavy", "heavy"),
                    QueryEvent.failed("log", "3", "u", Instant.EPOCH, 700, "select 3", "heavy", "boom"),
                    QueryEvent.succeeded("log", "4", "u", Instant.EPOCH, 20, 1, "select 4", "light")));

            assertThat(repository.fingerprintGroups()).containsExactly(
                    new FingerprintGroup("heavy", 2, 1_200, 1, "select 2 -- first heavy"),
                    new FingerprintGroup("light", 2, 30, 0, "select 1"));
        }
    }

    @Test
    void aWindowReadsOnlyTheEventsThatStartedInsideIt()
    {
        try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory))) {
            repository.appendEvents(events("log", 70));
            EventWindow window = EventWindow.between(Instant.ofEpochSecond(1_700_000_010L), Instant.ofEpochSecond(1_700_000_024L));
            List<QueryEvent> inside = new ArrayList<>();
            repository.forEachEvent(window, inside::add);
            assertThat(inside).extracting(QueryEvent::id).containsExactly(
                    "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23");
            assertThat(repository.fingerprintGroups(window)).extracting(FingerprintGroup::runs).containsOnly(2L).hasSize(7);
            assertThat(repository.eventSpan(window)).contains(new EventSpan(Instant.ofEpochSecond(1_700_000_010L), Instant.ofEpochSecond(1_700_000_023L)));
            assertThat(repository.eventSpan(EventWindow.between(Instant.EPOCH, Instant.ofEpochSecond(5)))).isEmpty();
            assertThat(repository.fingerprintGroups(EventWindow.all())).isEqualTo(repository.fingerprintGroups());
        }
    }

    @Test
    void storesAdviceRunsWithTheirRecommendationsInOrder()
    {
        Workspace workspace = new Workspace(directory);
        Instant at = Instant.parse("2026-11-24T03:00:00Z");
        EventWindow window = EventWindow.between(at.minusSeconds(86_400), at);
        List<StoredRecommendation> recommendations = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            recommendations.add(new StoredRecommendation(0, "R" + i, "t" + i, "encoding", "pending", "{\"n\":" + i + "}"));
        }
        try (WorkloadRepository repository = WorkloadRepository.open(workspace)) {
            AdviceRun first = repository.saveAdviceRun(new AdviceRun(0, at, "advise", EventWindow.all(), 10, 8, "{}"), List.of());
            AdviceRun second = repository.saveAdviceRun(new AdviceRun(0, at, "daemon", window, 10, 6, "{\"k\":1}"), recommendations);
            assertThat(second.runNo()).isGreaterThan(first.runNo());
            repository.setRecommendationStatus(repository.recommendations(second.runNo()).get(1), "applied");
        }
        try (WorkloadRepository repository = WorkloadRepository.openExisting(workspace)) {
            List<AdviceRun> runs = repository.adviceRuns(Optional.empty(), 10);
            assertThat(runs).extracting(AdviceRun::origin).containsExactly("daemon", "advise");
            assertThat(runs.get(0).window()).isEqualTo(window);
            assertThat(runs.get(1).window()).isEqualTo(EventWindow.all());
            assertThat(repository.adviceRuns(Optional.of("advise"), 10)).hasSize(1);
            List<StoredRecommendation> stored = repository.recommendations(runs.get(0).runNo());
            assertThat(stored).extracting(StoredRecommendation::id).containsExactly("R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10", "R11");
            assertThat(stored.get(1).status()).isEqualTo("applied");
            assertThat(stored.get(1).qualifiedId()).isEqualTo(runs.get(0).id() + ":R2");
            assertThat(stored.get(10).body()).isEqualTo("{\"n\":11}");
        }
    }

    @Test
    void exclusionsCoverATableOrOneKindOfChange()
    {
        try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory))) {
            Instant at = Instant.parse("2026-11-24T03:00:00Z");
            repository.exclude(new Exclusion("orders", Optional.empty(), at));
            repository.exclude(new Exclusion("lineitem", Optional.of("sortkey"), at));
            repository.exclude(new Exclusion("lineitem", Optional.of("sortkey"), at.plusSeconds(1)));
            List<Exclusion> exclusions = repository.exclusions();
            assertThat(exclusions).hasSize(2);
            assertThat(exclusions).anyMatch(exclusion -> exclusion.covers("orders", "encoding"));
            assertThat(exclusions).anyMatch(exclusion -> exclusion.covers("lineitem", "sortkey"));
            assertThat(exclusions).noneMatch(exclusion -> exclusion.covers("lineitem", "encoding"));
            assertThat(repository.include("lineitem", Optional.empty())).isEqualTo(1);
            assertThat(repository.exclusions()).extracting(Exclusion::table).containsExactly("orders");
        }
    }

    @Test
    void theNewestDaemonsStateIsTheOneReported()
    {
        try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory))) {
            Instant at = Instant.parse("2026-11-24T03:00:00Z");
            assertThat(repository.daemonState()).isEmpty();
            repository.saveDaemonState(new DaemonState(10, at, at, "running", "{}"));
            repository.saveDaemonState(new DaemonState(11, at.plusSeconds(60), at.plusSeconds(60), "running", "{}"));
            repository.saveDaemonState(new DaemonState(11, at.plusSeconds(60), at.plusSeconds(120), "stopped", "{}"));
            assertThat(repository.daemonState()).contains(new DaemonState(11, at.plusSeconds(60), at.plusSeconds(120), "stopped", "{}"));
        }
    }

    @Test
    void storesAStatementOfTenMegabytes()
    {
        String huge = "select 1 " + "-".repeat(10 * 1024 * 1024);
        try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory))) {
            repository.appendEvents(List.of(QueryEvent.succeeded("log", "1", "u", Instant.EPOCH, 1, 1, huge, "fp")));
            List<QueryEvent> read = new ArrayList<>();
            repository.forEachEvent(read::add);

            assertThat(read).singleElement().extracting(QueryEvent::sql).isEqualTo(huge);
        }
    }

    @Test
    void storesShapesAndJournal()
    {
        QueryShape shape = new QueryShape(StatementKind.SELECT, List.of("nation"), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), false, List.of());
        try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory))) {
            repository.saveShape("fp1", Optional.of(shape), Optional.empty());
            repository.saveShape("fp2", Optional.empty(), Optional.of("line 1: syntax error"));
            JournalEntry first = repository.appendJournal(JournalEntry.of("init", Optional.empty(), "tpch 0.01"));
            JournalEntry second = repository.appendJournal(JournalEntry.of("load", Optional.of("nation"), "25 rows"));

            assertThat(repository.shape("fp1")).contains(shape);
            assertThat(repository.shape("fp2")).isEmpty();
            assertThat(repository.journal()).containsExactly(first, second);
            assertThat(second.id()).isGreaterThan(first.id());
        }
    }

    @Test
    void migratesAnOlderWorkspaceKeepingItsData()
    {
        Workspace workspace = new Workspace(directory);
        List<Migration> versionOne = Migrations.builtin().subList(0, 1);
        try (WorkloadRepository repository = WorkloadRepository.open(workspace, versionOne)) {
            assertThat(repository.schemaVersion()).isEqualTo(1);
            repository.saveTable(nation(), TableState.COMPLETE, "v1");
            repository.appendEvents(events("log", 3));
        }

        try (WorkloadRepository repository = WorkloadRepository.open(workspace)) {
            assertThat(repository.schemaVersion()).isEqualTo(Migrations.latestVersion()).isGreaterThan(1);
            assertThat(repository.catalog().table("nation")).isEqualTo(nation());
            assertThat(repository.eventCount()).isEqualTo(3);
            // a version-2 feature works on the migrated workspace
            assertThat(repository.appendJournal(JournalEntry.of("migrated", Optional.empty(), "")).id()).isPositive();
        }
    }

    @Test
    void refusesAWorkspaceWrittenByANewerAutotable()
            throws Exception
    {
        Workspace workspace = new Workspace(directory);
        WorkloadRepository.open(workspace).close();
        try (Connection connection = DriverManager.getConnection(workspace.jdbcUrl(Workspace.REPOSITORY_NAME), "sa", "");
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO schema_version VALUES (99, 'from the future', CURRENT_TIMESTAMP)");
        }

        assertThatThrownBy(() -> WorkloadRepository.open(workspace))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining("newer autotable")
                .hasMessageContaining("99")
                .extracting(e -> ((CaptureException) e).errorCode()).isEqualTo(ErrorCode.WORKSPACE_TOO_NEW);
    }

    @Test
    void openExistingNamesTheMissingWorkspaceAndWhatToRun()
    {
        assertThatThrownBy(() -> WorkloadRepository.openExisting(new Workspace(directory.resolve("nothing-here"))))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining("nothing-here")
                .hasMessageContaining("autotable init")
                .extracting(e -> ((CaptureException) e).errorCode()).isEqualTo(ErrorCode.WORKSPACE_NOT_INITIALIZED);
    }

    @Test
    void aWorkspaceThatIsAFileIsNotWritable()
            throws Exception
    {
        Path file = Files.writeString(directory.resolve("not-a-directory"), "x");

        assertThatThrownBy(() -> WorkloadRepository.open(new Workspace(file)))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining("not-a-directory")
                .extracting(e -> ((CaptureException) e).errorCode()).isEqualTo(ErrorCode.WORKSPACE_NOT_WRITABLE);
        assertThatThrownBy(() -> WorkloadRepository.open(new Workspace(file.resolve("below"))))
                .isInstanceOf(CaptureException.class)
                .extracting(e -> ((CaptureException) e).errorCode()).isEqualTo(ErrorCode.WORKSPACE_NOT_WRITABLE);
    }
}
