package io.autotable.repository;

import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDatabaseBackup
{
    private static final String NAME = "data";

    @TempDir
    Path directory;

    @Test
    void unreadableFileIsReplacedByTheBackupAndKept()
            throws Exception
    {
        Workspace workspace = new Workspace(directory);
        DatabaseBackup backup = new DatabaseBackup(directory, NAME);
        try (Connection connection = open(workspace)) {
            execute(connection, "CREATE TABLE t AS SELECT X AS id FROM SYSTEM_RANGE(1, 5000)");
            backup.take(connection);
            // what the change did after the backup is lost with the file
            execute(connection, "DELETE FROM t WHERE id > 100");
        }
        byte[] unreadable = corruptHeaders();

        try (Connection connection = open(workspace)) {
            assertThat(count(connection)).isEqualTo(5000);
        }

        List<Path> kept = corruptCopies();
        assertThat(kept).hasSize(1);
        assertThat(Files.readAllBytes(kept.get(0))).isEqualTo(unreadable);
        assertThat(backup.takeRestoreNote()).hasValueSatisfying(note -> assertThat(note)
                .contains("H2 could not open data.mv.db")
                .contains(kept.get(0).getFileName().toString()));
        // read once: recovery journals it once
        assertThat(backup.takeRestoreNote()).isEmpty();
    }

    @Test
    void unreadableFileWithoutBackupFailsNamingTheFileAndIsLeftAlone()
            throws Exception
    {
        Workspace workspace = new Workspace(directory);
        try (Connection connection = open(workspace)) {
            execute(connection, "CREATE TABLE t AS SELECT X AS id FROM SYSTEM_RANGE(1, 5000)");
        }
        byte[] unreadable = corruptHeaders();

        assertThatThrownBy(() -> open(workspace).close())
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DATABASE_CORRUPT))
                .hasMessageContaining(directory.resolve(NAME + ".mv.db").toString())
                .hasMessageContaining("no backup from before a change");
        assertThat(Files.readAllBytes(directory.resolve(NAME + ".mv.db"))).isEqualTo(unreadable);
        assertThat(corruptCopies()).isEmpty();
    }

    @Test
    void unreadableBackupFailsSayingTheRestoreDidNotHelp()
            throws Exception
    {
        Workspace workspace = new Workspace(directory);
        DatabaseBackup backup = new DatabaseBackup(directory, NAME);
        try (Connection connection = open(workspace)) {
            execute(connection, "CREATE TABLE t AS SELECT X AS id FROM SYSTEM_RANGE(1, 10)");
        }
        byte[] unreadable = corruptHeaders();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(backup.file()))) {
            zip.putNextEntry(new ZipEntry(NAME + ".mv.db"));
            zip.write(unreadable);
            zip.closeEntry();
        }

        assertThatThrownBy(() -> open(workspace).close())
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DATABASE_CORRUPT))
                .hasMessageContaining("not even after its backup from before a change was restored");
        // both unreadable files are kept: the original aside, the restored one in place
        assertThat(corruptCopies()).hasSize(1);
    }

    @Test
    void discardedBackupIsNotRestored()
            throws Exception
    {
        Workspace workspace = new Workspace(directory);
        DatabaseBackup backup = new DatabaseBackup(directory, NAME);
        try (Connection connection = open(workspace)) {
            execute(connection, "CREATE TABLE t AS SELECT X AS id FROM SYSTEM_RANGE(1, 10)");
            backup.take(connection);
            assertThat(backup.exists()).isTrue();
        }
        backup.discard();
        corruptHeaders();

        assertThatThrownBy(() -> open(workspace).close()).isInstanceOf(CaptureException.class);
        assertThat(backup.exists()).isFalse();
    }

    @Test
    void failedBackupLeavesNoPartialFileAndKeepsTheEarlierBackup()
            throws Exception
    {
        Workspace workspace = new Workspace(directory);
        DatabaseBackup backup = new DatabaseBackup(directory, NAME);
        Connection connection = open(workspace);
        execute(connection, "CREATE TABLE t AS SELECT X AS id FROM SYSTEM_RANGE(1, 10)");
        backup.take(connection);
        byte[] earlier = Files.readAllBytes(backup.file());
        connection.close();

        assertThatThrownBy(() -> backup.take(connection)).isInstanceOf(SQLException.class);

        assertThat(Files.readAllBytes(backup.file())).isEqualTo(earlier);
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void lockAndMissingTablesAreNotCorruption()
    {
        assertThat(DatabaseBackup.isCorruption(new SQLException("Table \"T\" not found", "42S02", 42104))).isFalse();
        assertThat(DatabaseBackup.isCorruption(new SQLException("Database may be already in use", "90020", 90020))).isFalse();
        assertThat(DatabaseBackup.isCorruption(new SQLException("File corrupted while reading record", "90030", 90030))).isTrue();
    }

    /** Overwrites both of MVStore's file headers, which H2 reports as a corrupted file (90030). */
    private byte[] corruptHeaders()
            throws Exception
    {
        Path file = directory.resolve(NAME + ".mv.db");
        byte[] junk = new byte[8192];
        Arrays.fill(junk, (byte) 'x');
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(junk), 0);
        }
        return Files.readAllBytes(file);
    }

    private List<Path> corruptCopies()
            throws Exception
    {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.getFileName().toString().startsWith("corrupt-")).toList();
        }
    }

    private static Connection open(Workspace workspace)
            throws SQLException
    {
        return workspace.connect(NAME, workspace.jdbcUrl(NAME));
    }

    private static void execute(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static long count(Connection connection)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
