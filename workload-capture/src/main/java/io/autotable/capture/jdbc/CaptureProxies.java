package io.autotable.capture.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The capture driver's wrappers, as {@link Proxy} instances: a Connection, Statement (Prepared,
 * Callable) or ResultSet proxy forwards every call to the real object and intercepts only the few
 * that execute, close or hand out another wrapped object. Proxies keep this to one short file and
 * follow new JDBC methods for free; the price is a reflective call per JDBC call, which the
 * {@link CaptureOverhead} measurement puts in the noise next to a round trip to a warehouse.
 *
 * <p>What is recorded:
 * <ul>
 * <li>a statement's duration is its execute call; reading a result set is not included;</li>
 * <li>rows: the update count ({@code executeUpdate}, {@code execute} without a result set, the sum
 *     of a batch's counts), or the rows the application read with {@code next()} from a result
 *     set; a query is recorded when its result set is read to the end or closed, its statement
 *     closed or re-executed, or its connection closed. The driver's -1 and
 *     {@code SUCCESS_NO_INFO} count as 0;</li>
 * <li>a batch is one event: the prepared text, or the batched texts joined with {@code ;\n};</li>
 * <li>a failure is recorded with the {@link SQLException}'s message, and the same exception is
 *     thrown to the application.</li>
 * </ul>
 * Objects the real driver hands out through other paths ({@code DatabaseMetaData},
 * {@code getGeneratedKeys()}, {@code unwrap}) are not wrapped: what runs through them is not recorded.
 */
final class CaptureProxies
{
    private static final String START_CLIENT_INFO = CaptureDriver.START_CLIENT_INFO;

    private CaptureProxies() {}

    static Connection connection(Connection connection, CaptureRecorder recorder, String user)
    {
        ConnectionHandler handler = new ConnectionHandler(connection, recorder, user);
        Connection proxy = (Connection) Proxy.newProxyInstance(CaptureProxies.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        handler.proxy = proxy;
        recorder.connectionOpened();
        return proxy;
    }

    private static Object forward(Object target, Method method, Object[] args)
            throws Throwable
    {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    // equals, hashCode, toString, unwrap, isWrapperFor: answered for the proxy itself where that is what a caller means
    private static Optional<Object> objectMethod(Object proxy, Object target, Method method, Object[] args)
            throws Throwable
    {
        return switch (method.getName()) {
            case "equals" -> Optional.of(proxy == args[0]);
            case "hashCode" -> Optional.of(System.identityHashCode(proxy));
            case "toString" -> Optional.of("autotable capture of " + target);
            case "unwrap" -> Optional.of(((Class<?>) args[0]).isInstance(proxy) ? proxy : forward(target, method, args));
            case "isWrapperFor" -> Optional.of(((Class<?>) args[0]).isInstance(proxy) || (boolean) forward(target, method, args));
            default -> Optional.empty();
        };
    }

    private static final class ConnectionHandler
            implements InvocationHandler
    {
        private final Connection connection;
        private final CaptureRecorder recorder;
        private final String user;
        private final Set<StatementHandler> statements = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean closed = new AtomicBoolean();
        private final AtomicReference<Instant> nextStart = new AtomicReference<>();
        private Connection proxy;

        ConnectionHandler(Connection connection, CaptureRecorder recorder, String user)
        {
            this.connection = connection;
            this.recorder = recorder;
            this.user = user;
        }

        @Override
        public Object invoke(Object self, Method method, Object[] args)
                throws Throwable
        {
            Optional<Object> answer = objectMethod(self, connection, method, args);
            if (answer.isPresent()) {
                return answer.get();
            }
            switch (method.getName()) {
                case "createStatement":
                    return statement((Statement) forward(connection, method, args), Statement.class, null);
                case "prepareStatement":
                    return statement((Statement) forward(connection, method, args), PreparedStatement.class, (String) args[0]);
                case "prepareCall":
                    return statement((Statement) forward(connection, method, args), CallableStatement.class, (String) args[0]);
                case "setClientInfo":
                    if (args != null && args.length == 2 && START_CLIENT_INFO.equals(args[0])) {
                        nextStart.set(args[1] == null ? null : parseStart((String) args[1]));
                        return null;
                    }
                    return forward(connection, method, args);
                case "close":
                    if (!closed.compareAndSet(false, true)) {
                        return forward(connection, method, args);
                    }
                    try {
                        for (StatementHandler statement : statements) {
                            statement.finishPending();
                        }
                        return forward(connection, method, args);
                    }
                    finally {
                        recorder.connectionClosed();
                    }
                default:
                    return forward(connection, method, args);
            }
        }

        /** The start the application announced for its next statement, else now. */
        Instant takeStart()
        {
            Instant announced = nextStart.getAndSet(null);
            return announced != null ? announced : Instant.now();
        }

        private static Instant parseStart(String value)
                throws SQLClientInfoException
        {
            try {
                return Instant.parse(value);
            }
            catch (DateTimeParseException e) {
                throw new SQLClientInfoException("client info %s must be an ISO-8601 instant, got '%s'".formatted(START_CLIENT_INFO, value), Map.of());
            }
        }

        private Statement statement(Statement statement, Class<? extends Statement> type, String sql)
        {
            StatementHandler handler = new StatementHandler(this, statement, sql);
            Statement proxyStatement = (Statement) Proxy.newProxyInstance(CaptureProxies.class.getClassLoader(), new Class<?>[] {type}, handler);
            handler.proxy = proxyStatement;
            statements.add(handler);
            return proxyStatement;
        }
    }

    private static final class StatementHandler
            implements InvocationHandler
    {
        private final ConnectionHandler connection;
        private final Statement statement;
        private final String preparedSql;
        private final List<String> batch = new ArrayList<>();
        private volatile Pending pending;
        private Statement proxy;

        StatementHandler(ConnectionHandler connection, Statement statement, String preparedSql)
        {
            this.connection = connection;
            this.statement = statement;
            this.preparedSql = preparedSql;
        }

        @Override
        public Object invoke(Object self, Method method, Object[] args)
                throws Throwable
        {
            Optional<Object> answer = objectMethod(self, statement, method, args);
            if (answer.isPresent()) {
                return answer.get();
            }
            String name = method.getName();
            switch (name) {
                case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate":
                    return execute(method, args, args != null && args.length > 0 && args[0] instanceof String sql ? sql : preparedSql);
                case "executeBatch", "executeLargeBatch":
                    return executeBatch(method, args);
                case "addBatch":
                    if (args != null && args.length == 1) {
                        batch.add((String) args[0]);
                    }
                    return forward(statement, method, args);
                case "clearBatch":
                    batch.clear();
                    return forward(statement, method, args);
                case "getResultSet":
                    Object resultSet = forward(statement, method, args);
                    Pending current = pending;
                    return resultSet == null || current == null ? resultSet : resultSet((ResultSet) resultSet, current);
                case "getConnection":
                    return connection.proxy;
                case "close":
                    finishPending();
                    connection.statements.remove(this);
                    return forward(statement, method, args);
                default:
                    return forward(statement, method, args);
            }
        }

        private Object execute(Method method, Object[] args, String sql)
                throws Throwable
        {
            finishPending();
            Instant start = connection.takeStart();
            long startNanos = System.nanoTime();
            Object result;
            try {
                result = forward(statement, method, args);
            }
            catch (SQLException e) {
                record(sql, start, System.nanoTime() - startNanos, 0, Optional.of(String.valueOf(e.getMessage())));
                throw e;
            }
            long nanos = System.nanoTime() - startNanos;
            switch (method.getName()) {
                case "executeQuery":
                    pending = new Pending(this, sql, start, nanos);
                    return resultSet((ResultSet) result, pending);
                case "executeUpdate":
                    record(sql, start, nanos, (int) result, Optional.empty());
                    return result;
                case "executeLargeUpdate":
                    record(sql, start, nanos, (long) result, Optional.empty());
                    return result;
                default:
                    if ((boolean) result) {
                        pending = new Pending(this, sql, start, nanos);
                    }
                    else {
                        record(sql, start, nanos, updateCount(), Optional.empty());
                    }
                    return result;
            }
        }

        private Object executeBatch(Method method, Object[] args)
                throws Throwable
        {
            finishPending();
            String sql = preparedSql != null ? preparedSql : String.join(";\n", batch);
            batch.clear();
            Instant start = connection.takeStart();
            long startNanos = System.nanoTime();
            Object result;
            try {
                result = forward(statement, method, args);
            }
            catch (SQLException e) {
                record(sql, start, System.nanoTime() - startNanos, 0, Optional.of(String.valueOf(e.getMessage())));
                throw e;
            }
            long rows = 0;
            if (result instanceof int[] counts) {
                for (int count : counts) {
                    rows += Math.max(0, count);
                }
            }
            else if (result instanceof long[] counts) {
                for (long count : counts) {
                    rows += Math.max(0, count);
                }
            }
            record(sql, start, System.nanoTime() - startNanos, rows, Optional.empty());
            return result;
        }

        private long updateCount()
        {
            try {
                return statement.getUpdateCount();
            }
            catch (SQLException | RuntimeException e) {
                return 0;
            }
        }

        private Object resultSet(ResultSet resultSet, Pending owner)
        {
            return Proxy.newProxyInstance(CaptureProxies.class.getClassLoader(), new Class<?>[] {ResultSet.class}, new ResultSetHandler(resultSet, owner, proxy));
        }

        void finishPending()
        {
            Pending current = pending;
            if (current != null) {
                pending = null;
                current.finish();
            }
        }

        void record(String sql, Instant start, long nanos, long rows, Optional<String> error)
        {
            try {
                connection.recorder.record(new Execution(connection.user, start, nanos, rows, sql == null ? "" : sql, error));
            }
            catch (RuntimeException e) {
                // recording must never reach the application; the recorder counts what it loses
            }
        }
    }

    /** A query whose rows are still being read. */
    private static final class Pending
    {
        private final StatementHandler statement;
        private final String sql;
        private final Instant start;
        private final long nanos;
        private final AtomicBoolean finished = new AtomicBoolean();
        private long rows;

        Pending(StatementHandler statement, String sql, Instant start, long nanos)
        {
            this.statement = statement;
            this.sql = sql;
            this.start = start;
            this.nanos = nanos;
        }

        void finish()
        {
            if (finished.compareAndSet(false, true)) {
                statement.record(sql, start, nanos, rows, Optional.empty());
            }
        }
    }

    private static final class ResultSetHandler
            implements InvocationHandler
    {
        private final ResultSet resultSet;
        private final Pending pending;
        private final Statement statement;

        ResultSetHandler(ResultSet resultSet, Pending pending, Statement statement)
        {
            this.resultSet = resultSet;
            this.pending = pending;
            this.statement = statement;
        }

        @Override
        public Object invoke(Object self, Method method, Object[] args)
                throws Throwable
        {
            Optional<Object> answer = objectMethod(self, resultSet, method, args);
            if (answer.isPresent()) {
                return answer.get();
            }
            switch (method.getName()) {
                case "next":
                    boolean more = (boolean) forward(resultSet, method, args);
                    if (more) {
                        pending.rows++;
                    }
                    else {
                        pending.finish();
                    }
                    return more;
                case "close":
                    pending.finish();
                    return forward(resultSet, method, args);
                case "getStatement":
                    return statement;
                default:
                    return forward(resultSet, method, args);
            }
        }
    }
}
