package io.autotable.simulator.workload;

import io.autotable.capture.jdbc.CaptureDriver;
import io.autotable.catalog.Table;
import io.autotable.error.ErrorCode;
import io.autotable.repository.Workspace;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Runs a schedule of queries for real against the embedded warehouse through the capture driver
 * ({@code jdbc:autotable:}), so the workspace's workload log is a captured log of what ran. Each
 * statement is recorded at its scheduled time (the capture driver's {@code autotable.start}
 * client info) with its real duration and row count. Statements H2 cannot run, or that exceed the
 * time limit, are recorded as failures and counted, never hidden.
 */
public final class WorkloadRunner
{
    /** Hears the run's progress; called on the running thread. */
    @FunctionalInterface
    public interface Listener
    {
        void queryFinished(int done, int total);

        static Listener none()
        {
            return (done, total) -> {};
        }
    }

    /**
     * @param failures failed statements per template, with the first error of each
     */
    public record Result(long queries, long statements, long failed, Duration elapsed, Map<String, String> failures)
    {
        public Result
        {
            requireNonNull(elapsed, "elapsed is null");
            failures = Map.copyOf(requireNonNull(failures, "failures is null"));
        }
    }

    private final Workspace workspace;
    private final Duration statementTimeout;
    private volatile boolean cancelled;

    public WorkloadRunner(Workspace workspace, Duration statementTimeout)
    {
        this.workspace = requireNonNull(workspace, "workspace is null");
        this.statementTimeout = requireNonNull(statementTimeout, "statementTimeout is null");
        if (statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "the statement timeout must be positive, got " + statementTimeout);
        }
    }

    /** Stops the run after the statement in progress. */
    public void cancel()
    {
        cancelled = true;
    }

    /**
     * Gets the warehouse ready to execute a benchmark: indexes the key columns of the given tables
     * (see {@link EmbeddedWarehouse#indexKeyColumns}).
     */
    public void prepare(List<Table> tables)
    {
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace)) {
            for (Table table : tables) {
                warehouse.indexKeyColumns(table);
            }
        }
    }

    public Result run(List<ScheduledQuery> schedule, String user, Listener listener)
    {
        Properties properties = new Properties();
        properties.setProperty(CaptureDriver.WORKSPACE_PROPERTY, workspace.directory().toString());
        properties.setProperty(CaptureDriver.USER_PROPERTY, user);
        properties.setProperty("user", "sa");
        properties.setProperty("password", "");
        long started = System.nanoTime();
        long statements = 0;
        long failed = 0;
        Map<String, String> failures = new TreeMap<>();
        try (Connection connection = workspace.connect(Workspace.WAREHOUSE_NAME, CaptureDriver.URL_PREFIX + EmbeddedWarehouse.jdbcUrl(workspace), properties)) {
            int done = 0;
            for (ScheduledQuery query : schedule) {
                if (cancelled) {
                    break;
                }
                for (String sql : query.statements()) {
                    statements++;
                    connection.setClientInfo(CaptureDriver.START_CLIENT_INFO, query.start().toString());
                    try (Statement statement = connection.createStatement()) {
                        statement.setQueryTimeout((int) Math.max(1, statementTimeout.toSeconds()));
                        if (statement.execute(sql)) {
                            drain(statement.getResultSet());
                        }
                    }
                    catch (SQLException e) {
                        failed++;
                        failures.putIfAbsent(query.template(), firstLine(e.getMessage()));
                    }
                }
                listener.queryFinished(++done, schedule.size());
            }
        }
        catch (SQLException e) {
            throw new SimulatorException(ErrorCode.WAREHOUSE_FAILURE,
                    "cannot run the workload against the embedded warehouse of %s: %s".formatted(workspace.directory(), firstLine(e.getMessage())), e);
        }
        return new Result(schedule.size(), statements, failed, Duration.ofNanos(System.nanoTime() - started), failures);
    }

    private static void drain(ResultSet resultSet)
            throws SQLException
    {
        try (ResultSet rows = resultSet) {
            while (rows.next()) {
                // reading the rows is part of the query's cost, and the capture driver counts them
            }
        }
    }

    private static String firstLine(String message)
    {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
