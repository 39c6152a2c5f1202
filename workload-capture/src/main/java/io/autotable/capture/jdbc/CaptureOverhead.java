package io.autotable.capture.jdbc;

import io.autotable.repository.Workspace;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * Measures what the capture driver costs an application: the rate of a fast query
 * ({@code SELECT 1} against an in-memory H2 database, the worst case, since a real warehouse's
 * round trip hides the cost) through the bare driver and through {@code jdbc:autotable:}. Not a
 * timed test: a measurement to run by hand ({@code autotable bench capture}).
 */
public final class CaptureOverhead
{
    /**
     * @param bareQueriesPerSecond through the bare driver
     * @param capturedQueriesPerSecond through the capture driver
     * @param stats what the recorder did with the captured queries (a full queue drops, which is
     *        what keeps the application's rate up)
     */
    public record Result(double bareQueriesPerSecond, double capturedQueriesPerSecond, CaptureRecorder.Stats stats)
    {
        /** Captured rate over bare rate: 1 means no overhead. */
        public double ratio()
        {
            return capturedQueriesPerSecond / bareQueriesPerSecond;
        }
    }

    private CaptureOverhead() {}

    /** Runs {@code queries} queries each way (after as many to warm up) and records into {@code workspace}. */
    public static Result measure(int queries, Workspace workspace)
            throws SQLException
    {
        if (queries < 1) {
            throw new IllegalArgumentException("queries must be >= 1, got " + queries);
        }
        String url = "jdbc:h2:mem:capture-overhead-" + System.nanoTime();
        Properties properties = new Properties();
        properties.setProperty(CaptureDriver.WORKSPACE_PROPERTY, workspace.directory().toString());
        try (Connection keepAlive = DriverManager.getConnection(url)) {
            run(url, new Properties(), queries);
            double bare = run(url, new Properties(), queries);
            run(CaptureDriver.URL_PREFIX + url, properties, queries);
            double captured = run(CaptureDriver.URL_PREFIX + url, properties, queries);
            CaptureRecorder recorder = CaptureDriver.recorder(workspace);
            recorder.flush(Duration.ofMinutes(1));
            return new Result(bare, captured, recorder.stats());
        }
    }

    private static double run(String url, Properties properties, int queries)
            throws SQLException
    {
        try (Connection connection = DriverManager.getConnection(url, properties);
                Statement statement = connection.createStatement()) {
            long start = System.nanoTime();
            for (int i = 0; i < queries; i++) {
                try (ResultSet rs = statement.executeQuery("SELECT 1")) {
                    rs.next();
                }
            }
            return queries / ((System.nanoTime() - start) / 1e9);
        }
    }
}
