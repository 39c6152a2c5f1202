package io.autotable.capture.postgres;

import io.autotable.capture.BadRecord;
import io.autotable.capture.SourceStats;
import io.autotable.sql.fingerprint.LexicalFingerprinter;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.testing.TestingPostgresServer;
import io.autotable.workload.EventStatus;
import io.autotable.workload.QueryEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestPgStatStatementsSource
{
    private static TestingPostgresServer server;

    @TempDir
    Path directory;

    private final List<QueryEvent> events = new ArrayList<>();
    private final List<BadRecord> problems = new ArrayList<>();

    @BeforeAll
    static void startServer()
            throws SQLException
    {
        server = TestingPostgresServer.start();
        try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE orders (id int PRIMARY KEY, customer int, amount numeric)");
            statement.execute("SELECT pg_stat_statements_reset()");
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO orders VALUES (?, ?, ?)")) {
                for (int i = 0; i < 5; i++) {
                    insert.setInt(1, i);
                    insert.setInt(2, i % 2);
                    insert.setInt(3, i * 10);
                    insert.executeUpdate();
                }
            }
            for (int i = 0; i < 3; i++) {
                statement.executeQuery("SELECT count(*) FROM orders WHERE customer = " + (i % 2)).close();
            }
        }
    }

    @AfterAll
    static void stopServer()
    {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void readsTheLiveViewOneEventPerCallKeepingPlaceholders()
    {
        SourceStats stats = new PgStatStatementsSource(new LexicalFingerprinter()).readServer(server.jdbcUrl(), server.properties(), events::add, problems::add);

        assertThat(problems).isEmpty();
        assertThat(stats.events()).isEqualTo(events.size());
        Map<String, List<QueryEvent>> bySql = events.stream().collect(Collectors.groupingBy(QueryEvent::sql));
        assertThat(bySql).containsKey("INSERT INTO orders VALUES ($1, $2, $3)");
        assertThat(bySql.get("INSERT INTO orders VALUES ($1, $2, $3)")).hasSize(5)
                .allSatisfy(event -> {
                    assertThat(event.rows()).isEqualTo(1);
                    assertThat(event.user()).isEqualTo("postgres");
                    assertThat(event.source()).isEqualTo("pg-stat-statements");
                    assertThat(event.status()).isEqualTo(EventStatus.SUCCEEDED);
                });
        assertThat(bySql.get("SELECT count(*) FROM orders WHERE customer = $1")).hasSize(3);
        assertThat(events).extracting(QueryEvent::id).doesNotHaveDuplicates();
    }

    @Test
    void readsAnExportLikeTheLiveView()
            throws Exception
    {
        Path export = directory.resolve("pgss.csv");
        Files.writeString(export, server.copyOut("SELECT * FROM pg_stat_statements"));
        PgStatStatementsSource source = new PgStatStatementsSource(new LexicalFingerprinter());
        SourceStats stats = source.read(export, events::add, problems::add);

        assertThat(problems).isEmpty();
        assertThat(stats.records()).isGreaterThanOrEqualTo(3);
        assertThat(events).extracting(QueryEvent::sql).contains("INSERT INTO orders VALUES ($1, $2, $3)", "SELECT count(*) FROM orders WHERE customer = $1");

        List<QueryEvent> live = new ArrayList<>();
        source.readServer(server.jdbcUrl(), server.properties(), live::add, problems::add);
        // the same statements get the same ids from either path, so importing both adds nothing twice
        assertThat(live.stream().filter(event -> event.sql().startsWith("INSERT")).map(QueryEvent::id))
                .containsExactlyInAnyOrderElementsOf(events.stream().filter(event -> event.sql().startsWith("INSERT")).map(QueryEvent::id).toList());
    }

    @Test
    void capsEventsPerStatementKeepingTotalTimeAndRows()
            throws Exception
    {
        Path export = directory.resolve("pgss.csv");
        Files.writeString(export, """
                userid,dbid,toplevel,queryid,query,calls,total_exec_time,rows
                10,5,t,42,"SELECT *
                FROM t WHERE id = $1",7,1.000007,10
                10,5,t,43,SELECT 1,0,0,0
                """);
        SourceStats stats = new PgStatStatementsSource(new LexicalFingerprinter(), 3).read(export, events::add, problems::add);

        assertThat(stats).isEqualTo(new SourceStats(2, 3, 0));
        assertThat(events).extracting(QueryEvent::durationMicros).containsExactly(334L, 333L, 333L);
        assertThat(events.stream().mapToLong(QueryEvent::rows).sum()).isEqualTo(10);
        assertThat(events).extracting(QueryEvent::id).containsExactly("42/10/5/t/0", "42/10/5/t/1", "42/10/5/t/2");
        assertThat(events.get(0).user()).isEqualTo("10");
    }

    @Test
    void reportsBadRowsWithTheirLineAndGoesOn()
            throws Exception
    {
        Path export = directory.resolve("pgss.csv");
        Files.writeString(export, """
                userid,dbid,queryid,query,calls,total_exec_time,rows
                10,5,1,"SELECT
                1",x,1.0,1
                10,5,2,<insufficient privilege>,1,1.0,1
                10,5,3,SELECT 3,2,1.0,2
                """);
        SourceStats stats = new PgStatStatementsSource(new LexicalFingerprinter()).read(export, events::add, problems::add);

        assertThat(stats).isEqualTo(new SourceStats(3, 2, 2));
        assertThat(problems).extracting(BadRecord::line).containsExactly(2L, 4L);
        assertThat(problems.get(1).reason()).contains("pg_read_all_stats");
    }

    @Test
    void rejectsAFileThatIsNotAnExport()
            throws Exception
    {
        Path export = directory.resolve("other.csv");
        Files.writeString(export, "a,b\n1,2\n");
        assertThatThrownBy(() -> new PgStatStatementsSource(new LexicalFingerprinter()).read(export, events::add, problems::add))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining("no column 'query'");
        assertThatThrownBy(() -> new PgStatStatementsSource(new LexicalFingerprinter()).read(directory.resolve("missing.csv"), events::add, problems::add))
                .extracting(e -> ((CaptureException) e).errorCode()).isEqualTo(ErrorCode.FILE_NOT_FOUND);
    }

    @Test
    void anUnreachableServerIsOneClearLine()
    {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("connectTimeout", "2");
        assertThatThrownBy(() -> new PgStatStatementsSource(new LexicalFingerprinter()).readServer("jdbc:postgresql://127.0.0.1:1/db", properties, events::add, problems::add))
                .isInstanceOf(CaptureException.class)
                .hasMessageStartingWith("cannot connect to PostgreSQL at 127.0.0.1:1/db: ")
                .hasMessageContaining("check that the server runs")
                .hasMessageNotContaining("\n");
    }
}
