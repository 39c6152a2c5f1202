package io.autotable.capture.jdbc;

import io.autotable.repository.Workspace;
import io.autotable.sql.Fingerprinter;
import io.autotable.sql.fingerprint.LexicalFingerprinter;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A JDBC driver that records every statement an application runs: put {@code jdbc:autotable:}
 * before the application's own URL ({@code jdbc:autotable:jdbc:postgresql://host/db}) and the
 * statements go to the real driver unchanged while their text, start, duration, rows, outcome and
 * user are queued for the workspace's repository ({@link CaptureRecorder}).
 *
 * <p>The workspace is the connection property {@value #WORKSPACE_PROPERTY}, else the system
 * property {@value #WORKSPACE_PROPERTY}, else the environment variable {@value #WORKSPACE_ENV},
 * else {@code ./autotable-workspace}. The user is the property {@value #USER_PROPERTY}, else
 * {@code user}, else the connection's {@code DatabaseMetaData.getUserName()}. Properties starting
 * with {@code autotable.} are not passed to the real driver.
 *
 * <p>Recording never fails the application: if the capture machinery cannot be set up, the real
 * connection is returned unwrapped and the problem logged. One recorder (queue and thread) serves
 * each workspace for the life of the process; that registry is the driver's only static state, as
 * {@link DriverManager} requires a driver to be found by URL alone.
 *
 * <p>Statements are fingerprinted with the {@link LexicalFingerprinter}, as imported logs are, so
 * captured and imported runs of one statement group together.
 */
public final class CaptureDriver
        implements Driver
{
    public static final String URL_PREFIX = "jdbc:autotable:";
    public static final String WORKSPACE_PROPERTY = "autotable.workspace";
    public static final String WORKSPACE_ENV = "AUTOTABLE_WORKSPACE";
    public static final String USER_PROPERTY = "autotable.user";
    /**
     * Client info ({@link Connection#setClientInfo(String, String)}) that sets the start time the
     * next statement is recorded with, as an ISO-8601 instant: a replay of a log, or a scheduled
     * run in simulated time, keeps its schedule's times instead of the wall clock's. It is not
     * passed to the real driver.
     */
    public static final String START_CLIENT_INFO = "autotable.start";

    private static final Logger LOG = Logger.getLogger(CaptureDriver.class.getName());
    private static final Map<Path, CaptureRecorder> RECORDERS = new ConcurrentHashMap<>();

    static {
        try {
            DriverManager.registerDriver(new CaptureDriver());
        }
        catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info)
            throws SQLException
    {
        if (!acceptsURL(url)) {
            return null;
        }
        Properties properties = info == null ? new Properties() : info;
        Properties target = new Properties();
        for (String name : properties.stringPropertyNames()) {
            if (!name.startsWith("autotable.")) {
                target.setProperty(name, properties.getProperty(name));
            }
        }
        Connection connection = DriverManager.getConnection(url.substring(URL_PREFIX.length()), target);
        try {
            CaptureRecorder recorder = recorder(workspace(properties));
            return CaptureProxies.connection(connection, recorder, user(properties, connection));
        }
        catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "autotable capture is off for this connection: " + e.getMessage(), e);
            return connection;
        }
    }

    /** The recorder of a workspace, created on first use. */
    public static CaptureRecorder recorder(Workspace workspace)
    {
        return RECORDERS.computeIfAbsent(workspace.directory(),
                directory -> new CaptureRecorder(workspace, defaultFingerprinter(), CaptureRecorder.DEFAULT_QUEUE_CAPACITY));
    }

    /** The recorder of a workspace, if a connection has used it. */
    public static Optional<CaptureRecorder> existingRecorder(Path workspaceDirectory)
    {
        return Optional.ofNullable(RECORDERS.get(new Workspace(workspaceDirectory).directory()));
    }

    static Workspace workspace(Properties properties)
    {
        String directory = properties.getProperty(WORKSPACE_PROPERTY);
        if (directory == null) {
            directory = System.getProperty(WORKSPACE_PROPERTY);
        }
        if (directory == null) {
            directory = System.getenv(WORKSPACE_ENV);
        }
        return new Workspace(Path.of(directory == null || directory.isBlank() ? Workspace.DEFAULT_DIRECTORY : directory));
    }

    private static String user(Properties properties, Connection connection)
    {
        String user = properties.getProperty(USER_PROPERTY, properties.getProperty("user"));
        if (user != null && !user.isBlank()) {
            return user;
        }
        try {
            String name = connection.getMetaData().getUserName();
            return name == null || name.isBlank() ? "unknown" : name;
        }
        catch (SQLException | RuntimeException e) {
            return "unknown";
        }
    }

    private static Fingerprinter defaultFingerprinter()
    {
        return new LexicalFingerprinter();
    }

    @Override
    public boolean acceptsURL(String url)
    {
        return url != null && url.startsWith(URL_PREFIX) && url.length() > URL_PREFIX.length();
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info)
            throws SQLException
    {
        if (!acceptsURL(url)) {
            return new DriverPropertyInfo[0];
        }
        String target = url.substring(URL_PREFIX.length());
        return DriverManager.getDriver(target).getPropertyInfo(target, info);
    }

    @Override
    public int getMajorVersion()
    {
        return 0;
    }

    @Override
    public int getMinorVersion()
    {
        return 1;
    }

    @Override
    public boolean jdbcCompliant()
    {
        // as compliant as the driver it wraps, which it cannot promise
        return false;
    }

    @Override
    public Logger getParentLogger()
    {
        return Logger.getLogger(CaptureDriver.class.getPackageName());
    }
}
