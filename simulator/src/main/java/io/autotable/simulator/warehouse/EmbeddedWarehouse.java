package io.autotable.simulator.warehouse;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Identifiers;
import io.autotable.catalog.Table;
import io.autotable.error.ErrorCode;
import io.autotable.repository.Workspace;
import io.autotable.simulator.SimulatorException;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * The embedded warehouse's data: an H2 file database in the workspace ({@code warehouse.mv.db}),
 * one H2 table per warehouse table. Identifiers fold to lower case, as Redshift's do, so
 * benchmark and user SQL runs against it unchanged. How the rows would be spread, sorted, blocked
 * and encoded on an MPP cluster is the simulator's business; H2 only holds the rows.
 */
public final class EmbeddedWarehouse
        implements AutoCloseable
{
    /**
     * Where a load writes a table's new rows until they replace the table in one step. One name
     * serves every load: only the holder of the workspace lock loads, one table at a time.
     */
    public static final String STAGING_TABLE = "autotable$staging";

    private final Workspace workspace;
    /** How long opening waits for a database another process holds exclusively (while it closes it). */
    static final Duration EXCLUSIVE_WAIT = Duration.ofSeconds(10);
    private static final Duration EXCLUSIVE_RETRY = Duration.ofMillis(100);

    private final Connection connection;

    private EmbeddedWarehouse(Workspace workspace, Connection connection)
    {
        this.workspace = workspace;
        this.connection = connection;
    }

    public static EmbeddedWarehouse open(Workspace workspace)
    {
        requireNonNull(workspace, "workspace is null");
        workspace.createIfMissing();
        long deadline = System.nanoTime() + EXCLUSIVE_WAIT.toNanos();
        while (true) {
            try {
                Connection connection = workspace.connect(Workspace.WAREHOUSE_NAME, jdbcUrl(workspace));
                try (Statement probe = connection.createStatement()) {
                    probe.execute("SELECT 1");
                }
                catch (SQLException e) {
                    connection.close();
                    throw e;
                }
                return new EmbeddedWarehouse(workspace, connection);
            }
            catch (SQLException e) {
                // another process closing the database holds it exclusively for a moment: wait for it
                if (e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_IS_IN_EXCLUSIVE_MODE && System.nanoTime() < deadline) {
                    pause();
                    continue;
                }
                throw new SimulatorException(ErrorCode.WORKSPACE_NOT_WRITABLE,
                        "cannot open the embedded warehouse of workspace %s: %s".formatted(workspace.directory(), firstLine(e)), e);
            }
        }
    }

    private static void pause()
    {
        try {
            Thread.sleep(EXCLUSIVE_RETRY.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulatorException(ErrorCode.INTERRUPTED, "interrupted while waiting for the embedded warehouse");
        }
    }

    /** The JDBC URL of a workspace's embedded warehouse, for tools and the capture driver. */
    public static String jdbcUrl(Workspace workspace)
    {
        // VALUE is an alias in TPC-H's q11 but a keyword in H2
        return workspace.jdbcUrl(Workspace.WAREHOUSE_NAME) + ";DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE";
    }

    /**
     * Indexes a table's key columns (names ending in {@code key}, {@code _sk} or {@code _id}) so that
     * H2 can run a benchmark's joins in seconds instead of nested loops over whole tables. The
     * indexes are how H2 executes queries, not part of the simulated MPP design: Redshift has
     * none, and the simulator's costs never see them. Idempotent.
     *
     * @return the columns indexed
     */
    public List<String> indexKeyColumns(Table table)
    {
        List<String> indexed = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (Column column : table.columns()) {
                String name = column.name();
                if (name.endsWith("key") || name.endsWith("_sk") || name.endsWith("_id")) {
                    statement.execute("CREATE INDEX IF NOT EXISTS %s ON %s (%s)".formatted(
                            quote("autotable_" + table.name() + "_" + name), quote(table.name()), quote(name)));
                    indexed.add(name);
                }
            }
        }
        catch (SQLException e) {
            throw failure("index the key columns of " + table.name(), e);
        }
        return indexed;
    }

    public Workspace workspace()
    {
        return workspace;
    }

    /** A connection for running SQL against the warehouse; it stays owned by this warehouse. */
    public Connection connection()
    {
        return connection;
    }

    /** Creates a table with the table's columns, replacing a table of the same name. */
    public void createTable(Table table)
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + quote(table.name()));
            statement.execute(createTableSql(table));
        }
        catch (SQLException e) {
            throw failure("create table " + table.name(), e);
        }
    }

    public void dropTable(String table)
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + quote(Identifiers.normalize(table, "table")));
        }
        catch (SQLException e) {
            throw failure("drop table " + table, e);
        }
    }

    /**
     * Replaces {@code target} with {@code staging}, which is renamed to it: the old table's rows
     * and indexes go. Two statements, each committed (H2 commits DDL): a process killed between
     * them leaves {@code target} missing, never half-loaded, so callers mark the table incomplete
     * in the catalog around this call.
     */
    public void replaceTable(String staging, String target)
    {
        String from = Identifiers.normalize(staging, "table");
        String to = Identifiers.normalize(target, "table");
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS " + quote(to));
            statement.execute("ALTER TABLE %s RENAME TO %s".formatted(quote(from), quote(to)));
        }
        catch (SQLException e) {
            throw failure("replace table %s with the rows just loaded".formatted(to), e);
        }
    }

    /** The warehouse's tables, sorted by name; a load's staging table is not one of them. */
    public List<String> tableNames()
    {
        List<String> names = new ArrayList<>();
        try {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet rs = metaData.getTables(null, "public", "%", new String[] {"TABLE", "BASE TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (!name.equals(STAGING_TABLE)) {
                        names.add(name);
                    }
                }
            }
        }
        catch (SQLException e) {
            throw failure("list tables", e);
        }
        names.sort(null);
        return names;
    }

    public long rowCount(String table)
    {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + quote(Identifiers.normalize(table, "table")))) {
            rs.next();
            return rs.getLong(1);
        }
        catch (SQLException e) {
            throw failure("count the rows of " + table, e);
        }
    }

    /**
     * A writer that appends rows to a table in batches. Rows are committed every
     * {@code commitEvery} rows, so a load that dies keeps what it committed: the catalog marks
     * such a table incomplete, never the warehouse.
     */
    public TableWriter writer(Table table, int batchSize, int commitEvery)
    {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(quote(table.name())).append(" VALUES (");
        for (int i = 0; i < table.columns().size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(')');
        try {
            connection.setAutoCommit(false);
            PreparedStatement insert = connection.prepareStatement(sql.toString());
            return new TableWriter(table, connection, insert, batchSize, commitEvery);
        }
        catch (SQLException e) {
            throw failure("write to " + table.name(), e);
        }
    }

    static String createTableSql(Table table)
    {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(quote(table.name())).append(" (");
        for (int i = 0; i < table.columns().size(); i++) {
            Column column = table.columns().get(i);
            sql.append(i == 0 ? "" : ", ").append(quote(column.name())).append(' ').append(h2Type(column.type()));
            if (!column.nullable()) {
                sql.append(" NOT NULL");
            }
        }
        return sql.append(')').toString();
    }

    static String h2Type(ColumnType type)
    {
        return switch (type.kind()) {
            // H2's TIME keeps whole seconds unless told otherwise; Redshift's keeps microseconds
            case TIME -> "TIME(6)";
            case TIMESTAMPTZ -> "TIMESTAMP WITH TIME ZONE";
            default -> type.sql();
        };
    }

    static String quote(String identifier)
    {
        return '"' + identifier.toLowerCase(Locale.ROOT).replace("\"", "\"\"") + '"';
    }

    private SimulatorException failure(String what, SQLException e)
    {
        return new SimulatorException(ErrorCode.WAREHOUSE_FAILURE,
                "cannot %s in the embedded warehouse of workspace %s: %s".formatted(what, workspace.directory(), firstLine(e)), e);
    }

    static String firstLine(SQLException e)
    {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public void close()
    {
        try {
            connection.close();
        }
        catch (SQLException ignored) {
            // nothing more to release
        }
        workspace.compactIfGrown(Workspace.WAREHOUSE_NAME);
    }
}
