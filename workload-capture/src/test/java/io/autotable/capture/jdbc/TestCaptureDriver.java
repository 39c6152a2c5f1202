package io.autotable.capture.jdbc;

import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import io.autotable.workload.EventStatus;
import io.autotable.workload.QueryEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestCaptureDriver
{
    @TempDir
    Path directory;

    @Test
    void recordsStatementsWithRowsDurationAndOutcome()
            throws SQLException
    {
        String url = "jdbc:autotable:jdbc:h2:mem:" + directory.getFileName();
        try (Connection connection = DriverManager.getConnection(url, properties())) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR)");
                assertThat(statement.executeUpdate("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')")).isEqualTo(3);
                try (ResultSet rs = statement.executeQuery("SELECT * FROM t WHERE id >= 2")) {
                    int read = 0;
                    while (rs.next()) {
                        read++;
                    }
                    assertThat(read).isEqualTo(2);
                }
                assertThat(statement.getConnection()).isSameAs(connection);
            }
        }

        List<QueryEvent> events = storedEvents();
        assertThat(events).extracting(QueryEvent::sql)
                .containsExactly("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR)", "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')", "SELECT * FROM t WHERE id >= 2");
        assertThat(events).extracting(QueryEvent::rows).containsExactly(0L, 3L, 2L);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.source()).isEqualTo("capture");
            assertThat(event.status()).isEqualTo(EventStatus.SUCCEEDED);
            assertThat(event.user()).isEqualTo("app");
            assertThat(event.durationMicros()).isGreaterThanOrEqualTo(0);
        });
        assertThat(events).extracting(QueryEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void aStartAnnouncedThroughClientInfoIsRecordedForTheNextStatementOnly()
            throws SQLException
    {
        String url = "jdbc:autotable:jdbc:h2:mem:" + directory.getFileName();
        Instant scheduled = Instant.parse("2026-03-01T09:15:00Z");
        try (Connection connection = DriverManager.getConnection(url, properties());
                Statement statement = connection.createStatement()) {
            connection.setClientInfo(CaptureDriver.START_CLIENT_INFO, scheduled.toString());
            statement.execute("SELECT 1");
            statement.execute("SELECT 2");
            assertThatThrownBy(() -> connection.setClientInfo(CaptureDriver.START_CLIENT_INFO, "yesterday"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("ISO-8601");
        }

        List<QueryEvent> events = storedEvents();
        assertThat(events).extracting(QueryEvent::sql).containsExactly("SELECT 1", "SELECT 2");
        assertThat(events.get(0).start()).isEqualTo(scheduled);
        assertThat(events.get(1).start()).isNotEqualTo(scheduled);
    }

    @Test
    void aFailingStatementThrowsTheSameExceptionAndIsRecorded()
            throws SQLException
    {
        SQLException direct;
        try (Connection bare = DriverManager.getConnection("jdbc:h2:mem:bare-" + directory.getFileName());
                Statement statement = bare.createStatement()) {
            direct = catchSql(() -> statement.executeQuery("SELECT * FROM missing_table"));
        }
        try (Connection connection = DriverManager.getConnection("jdbc:autotable:jdbc:h2:mem:" + directory.getFileName(), properties());
                Statement statement = connection.createStatement()) {
            SQLException captured = catchSql(() -> statement.executeQuery("SELECT * FROM missing_table"));
            assertThat(captured.getClass()).isEqualTo(direct.getClass());
            assertThat(captured.getErrorCode()).isEqualTo(direct.getErrorCode());
            assertThat(captured.getSQLState()).isEqualTo(direct.getSQLState());
        }

        QueryEvent event = storedEvents().get(0);
        assertThat(event.status()).isEqualTo(EventStatus.FAILED);
        assertThat(event.error()).get().asString().contains("MISSING_TABLE");
    }

    @Test
    void recordsPreparedStatementsWithTheirText()
            throws SQLException
    {
        try (Connection connection = DriverManager.getConnection("jdbc:autotable:jdbc:h2:mem:" + directory.getFileName(), properties())) {
            connection.createStatement().execute("CREATE TABLE t (id INT, v VARCHAR)");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 0; i < 3; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "v" + i);
                    insert.executeUpdate();
                }
                insert.setInt(1, 10);
                insert.setString(2, "x");
                insert.addBatch();
                insert.setInt(1, 11);
                insert.addBatch();
                insert.executeBatch();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT v FROM t WHERE id < ?")) {
                select.setInt(1, 2);
                assertThat(select.execute()).isTrue();
                try (ResultSet rs = select.getResultSet()) {
                    while (rs.next()) {
                        // read every row
                    }
                }
            }
        }

        List<QueryEvent> events = storedEvents();
        assertThat(events).extracting(QueryEvent::sql).containsExactly(
                "CREATE TABLE t (id INT, v VARCHAR)",
                "INSERT INTO t VALUES (?, ?)", "INSERT INTO t VALUES (?, ?)", "INSERT INTO t VALUES (?, ?)",
                "INSERT INTO t VALUES (?, ?)",
                "SELECT v FROM t WHERE id < ?");
        assertThat(events).extracting(QueryEvent::rows).containsExactly(0L, 1L, 1L, 1L, 2L, 2L);
        assertThat(events.get(1).fingerprint()).isEqualTo(events.get(2).fingerprint());
    }

    @Test
    void anUnwritableWorkspaceDoesNotBreakTheApplication()
            throws Exception
    {
        Path notADirectory = Files.writeString(directory.resolve("file"), "x");
        Properties properties = new Properties();
        properties.setProperty(CaptureDriver.WORKSPACE_PROPERTY, notADirectory.toString());
        try (Connection connection = DriverManager.getConnection("jdbc:autotable:jdbc:h2:mem:" + directory.getFileName(), properties);
                Statement statement = connection.createStatement()) {
            for (int i = 0; i < 10; i++) {
                try (ResultSet rs = statement.executeQuery("SELECT " + i)) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(i);
                }
            }
        }
        CaptureRecorder recorder = CaptureDriver.existingRecorder(notADirectory).orElseThrow();
        assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
        assertThat(recorder.stats().failed()).isEqualTo(10);
        assertThat(recorder.stats().recorded()).isZero();
    }

    @Test
    void concurrentQueriesAreAllRecordedOrCountedAsDropped()
            throws Exception
    {
        String url = "jdbc:autotable:jdbc:h2:mem:" + directory.getFileName();
        int threads = 4;
        int queries = 1_000;
        try (Connection keepAlive = DriverManager.getConnection(url, properties())) {
            ExecutorService executor = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(executor.submit(() -> {
                    try (Connection connection = DriverManager.getConnection(url, properties());
                            PreparedStatement select = connection.prepareStatement("SELECT ? + 1")) {
                        for (int i = 0; i < queries; i++) {
                            select.setInt(1, thread * queries + i);
                            try (ResultSet rs = select.executeQuery()) {
                                rs.next();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            executor.shutdown();
        }

        CaptureRecorder.Stats stats = CaptureDriver.existingRecorder(directory).orElseThrow().stats();
        assertThat(stats.total()).isEqualTo(threads * queries);
        assertThat(stats.failed()).isZero();
        try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory))) {
            assertThat(repository.eventCount()).isEqualTo(stats.recorded());
        }
    }

    @Test
    void measuresCaptureOverhead()
            throws SQLException
    {
        CaptureOverhead.Result result = CaptureOverhead.measure(2_000, new Workspace(directory));

        assertThat(result.bareQueriesPerSecond()).isPositive();
        assertThat(result.capturedQueriesPerSecond()).isPositive();
        assertThat(result.stats().total()).isEqualTo(4_000);
    }

    private Properties properties()
    {
        Properties properties = new Properties();
        properties.setProperty(CaptureDriver.WORKSPACE_PROPERTY, directory.toString());
        properties.setProperty(CaptureDriver.USER_PROPERTY, "app");
        return properties;
    }

    private List<QueryEvent> storedEvents()
    {
        List<QueryEvent> events = new ArrayList<>();
        try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory))) {
            repository.forEachEvent(events::add);
        }
        events.sort(java.util.Comparator.comparing(QueryEvent::start).thenComparing(event -> Long.parseLong(event.id().substring(event.id().lastIndexOf('-') + 1))));
        return events;
    }

    private interface SqlAction
    {
        void run()
                throws SQLException;
    }

    private static SQLException catchSql(SqlAction action)
    {
        try {
            action.run();
        }
        catch (SQLException e) {
            return e;
        }
        throw new AssertionError("expected an SQLException");
    }
}
