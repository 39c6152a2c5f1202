package io.autotable.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL 15 server for tests: a fresh cluster in a temporary directory, on a free
 * loopback port, with {@code pg_stat_statements} loaded and created in database {@code postgres}.
 * {@link #close()} stops it and deletes the directory.
 *
 * <p>PostgreSQL refuses to run as root, so as root the directory is given to user {@code postgres}
 * and every server command runs through {@code runuser -u postgres --}. When the binaries are
 * missing the calling test is skipped, or fails when env {@code CI} is set: CI must install them
 * with {@code .ci/install-postgresql}.
 */
public final class TestingPostgresServer
        implements AutoCloseable
{
    public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

    private final Path directory;
    private final int port;

    private TestingPostgresServer(Path directory, int port)
    {
        this.directory = directory;
        this.port = port;
    }

    public static TestingPostgresServer start()
    {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            String message = "PostgreSQL 15 is not installed (no %s): run .ci/install-postgresql".formatted(BIN.resolve("initdb"));
            if (System.getenv("CI") != null) {
                Assertions.fail(message);
            }
            Assumptions.abort(message);
        }
        Path directory;
        try {
            directory = Files.createTempDirectory(Path.of("/tmp"), "autotable-pg");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestingPostgresServer server = new TestingPostgresServer(directory, freePort());
        try {
            server.initAndStart();
            try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE EXTENSION pg_stat_statements");
            }
            return server;
        }
        catch (RuntimeException | SQLException e) {
            server.close();
            throw new AssertionError("cannot start PostgreSQL in " + directory + ": " + e.getMessage(), e);
        }
    }

    private void initAndStart()
    {
        if (asRoot()) {
            run(List.of("chown", "postgres:postgres", directory.toString()));
        }
        Path data = directory.resolve("data");
        runAsPostgres(List.of(BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"));
        String options = "-p %d -c listen_addresses=127.0.0.1 -c unix_socket_directories=%s -c shared_preload_libraries=pg_stat_statements -c fsync=off"
                .formatted(port, directory);
        runAsPostgres(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", options, "-l", directory.resolve("server.log").toString(), "-w", "-t", "60", "start"));
    }

    public String jdbcUrl()
    {
        return "jdbc:postgresql://127.0.0.1:%d/postgres".formatted(port);
    }

    public Properties properties()
    {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        return properties;
    }

    public Connection connect()
            throws SQLException
    {
        return DriverManager.getConnection(jdbcUrl(), properties());
    }

    /** Runs {@code COPY (query) TO STDOUT WITH CSV HEADER} and returns the CSV. */
    public String copyOut(String query)
            throws SQLException
    {
        try (Connection connection = connect()) {
            StringWriter writer = new StringWriter();
            new CopyManager(connection.unwrap(BaseConnection.class)).copyOut("COPY (%s) TO STDOUT WITH CSV HEADER".formatted(query), writer);
            return writer.toString();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close()
    {
        try {
            if (Files.exists(directory.resolve("data/postmaster.pid"))) {
                runAsPostgres(List.of(BIN.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
            }
        }
        finally {
            deleteRecursively(directory);
        }
    }

    private void runAsPostgres(List<String> command)
    {
        List<String> full = new ArrayList<>();
        if (asRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private void run(List<String> command)
    {
        try {
            Path output = Files.createTempFile("autotable-pg", ".out");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("timed out: " + String.join(" ", command));
                }
                if (process.exitValue() != 0) {
                    String log = Files.exists(directory.resolve("server.log")) ? Files.readString(directory.resolve("server.log")) : "";
                    throw new IllegalStateException("'%s' exited with %d: %s%s".formatted(String.join(" ", command), process.exitValue(), Files.readString(output), log));
                }
            }
            finally {
                Files.deleteIfExists(output);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    private static boolean asRoot()
    {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort()
    {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory)
    {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
