package io.autotable.repository;

import io.autotable.repository.DatabaseCompaction.Compacted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TestDatabaseCompaction
{
    private static final String NAME = "data";
    private static final long MIN_BYTES = 1L << 20;

    @TempDir
    Path directory;

    @Test
    void grownFileShrinksAndKeepsEveryRow()
            throws Exception
    {
        Workspace workspace = new Workspace(directory);
        try (Connection connection = open(workspace)) {
            fill(connection);
            // rewriting the rows appends them again: REUSE_SPACE=FALSE never overwrites
            execute(connection, "UPDATE t SET payload = payload || 'x'");
            execute(connection, "UPDATE t SET payload = payload || 'y'");
        }
        String before = contents(workspace);
        DatabaseCompaction compaction = new DatabaseCompaction(directory, NAME, MIN_BYTES);
        long grownSize = Files.size(compaction.file());

        Optional<Compacted> compacted = compaction.compactIfGrown();

        assertThat(compacted).isPresent();
        assertThat(compacted.get().bytesBefore()).isEqualTo(grownSize);
        assertThat(compacted.get().bytesAfter()).isLessThan(grownSize / 2).isEqualTo(Files.size(compaction.file()));
        assertThat(contents(workspace)).isEqualTo(before);
        assertThat(compaction.inProgress()).isFalse();
        // not grown since: nothing to do until the file doubles again
        assertThat(compaction.compactIfGrown()).isEmpty();
    }

    @Test
    void openDatabaseIsNeverCompacted()
            throws Exception
    {
        Workspace workspace = new Workspace(directory);
        try (Connection connection = open(workspace)) {
            fill(connection);
            long size = Files.size(directory.resolve(NAME + ".mv.db"));

            assertThat(new DatabaseCompaction(directory, NAME, MIN_BYTES).compactIfGrown()).isEmpty();
            assertThat(Files.size(directory.resolve(NAME + ".mv.db"))).isGreaterThanOrEqualTo(size);
            assertThat(count(connection)).isEqualTo(20_000);
        }
    }

    @Test
    void smallFileIsLeftAlone()
            throws Exception
    {
        Workspace workspace = new Workspace(directory);
        try (Connection connection = open(workspace)) {
            execute(connection, "CREATE TABLE t (id INT PRIMARY KEY)");
        }

        assertThat(new DatabaseCompaction(directory, NAME).compactIfGrown()).isEmpty();
    }

    @Test
    void copyLeftByACrashedCompactionIsReplaced()
            throws Exception
    {
        Workspace workspace = new Workspace(directory);
        try (Connection connection = open(workspace)) {
            fill(connection);
        }
        String before = contents(workspace);
        DatabaseCompaction compaction = new DatabaseCompaction(directory, NAME, MIN_BYTES);
        Path copy = directory.resolve("compacting-" + NAME + ".mv.db");
        Files.writeString(copy, "half a copy");
        assertThat(compaction.inProgress()).isTrue();
        // a copy nobody writes any more is not a compaction in progress: openers do not wait for it
        Files.setLastModifiedTime(copy, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
        assertThat(compaction.inProgress()).isFalse();

        assertThat(compaction.compactIfGrown()).isPresent();

        assertThat(copy).doesNotExist();
        assertThat(contents(workspace)).isEqualTo(before);
    }

    private static Connection open(Workspace workspace)
            throws SQLException
    {
        return workspace.connect(NAME, workspace.jdbcUrl(NAME));
    }

    private static void fill(Connection connection)
            throws SQLException
    {
        execute(connection, "CREATE TABLE t (id INT PRIMARY KEY, payload VARCHAR)");
        execute(connection, "INSERT INTO t SELECT x, REPEAT('p', 100) || x FROM SYSTEM_RANGE(1, 20000)");
    }

    private String contents(Workspace workspace)
            throws SQLException
    {
        try (Connection connection = open(workspace);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*), SUM(id), SUM(LENGTH(payload)), MAX(payload) FROM t")) {
            rs.next();
            return rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3) + "/" + rs.getString(4);
        }
    }

    private static long count(Connection connection)
            throws SQLException
    {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
