package io.autotable.repository;

import io.autotable.catalog.Catalog;
import io.autotable.catalog.Identifiers;
import io.autotable.catalog.Table;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.TableDesign;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.json.Json;
import io.autotable.workload.EventStatus;
import io.autotable.workload.QueryEvent;
import io.autotable.workload.QueryShape;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * The workload repository: an H2 file database in the workspace ({@code autotable.mv.db}) holding
 * the catalog with statistics, the current physical design, query events (append-only), analysed
 * shapes, recommendations and the action journal.
 *
 * <p>The schema is versioned ({@link Migrations}): opening an older workspace migrates it,
 * opening one written by a newer autotable fails with {@link ErrorCode#WORKSPACE_TOO_NEW}. The
 * database runs in H2's auto-server mode, so a daemon and a command can have the same workspace
 * open at once. One repository object is safe to use from several threads: its methods are
 * serialised on one connection.
 */
public final class WorkloadRepository
        implements AutoCloseable
{
    /** Events are written in batches of this many rows, each batch one transaction. */
    public static final int EVENT_BATCH_SIZE = 5_000;

    private static final String INSERT_EVENT = """
            INSERT INTO events (source_no, source_event, user_name, start_time, duration_us, row_count, fingerprint, status, error_message, sql_text)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String EXISTING_EVENTS =
            "SELECT e.source_event FROM TABLE(id VARCHAR = ?) t JOIN events e ON e.source_no = ? AND e.source_event = t.id";

    private final Workspace workspace;
    private final Connection connection;
    private final int schemaVersion;

    private WorkloadRepository(Workspace workspace, Connection connection, int schemaVersion)
    {
        this.workspace = workspace;
        this.connection = connection;
        this.schemaVersion = schemaVersion;
    }

    /** Opens the workspace's repository, creating the workspace and migrating its schema as needed. */
    public static WorkloadRepository open(Workspace workspace)
    {
        return open(workspace, Migrations.builtin());
    }

    /** Opens a repository that must already exist, for commands that only read. */
    public static WorkloadRepository openExisting(Workspace workspace)
    {
        workspace.requireExisting();
        return open(workspace, Migrations.builtin());
    }

    /**
     * Opens with an explicit schema history: tests use it to write an older workspace and then
     * open it with the current history.
     */
    static WorkloadRepository open(Workspace workspace, List<Migration> migrations)
    {
        requireNonNull(workspace, "workspace is null");
        workspace.createIfMissing();
        Connection connection;
        try {
            connection = DriverManager.getConnection(workspace.jdbcUrl(Workspace.REPOSITORY_NAME), "sa", "");
        }
        catch (SQLException e) {
            throw openFailure(workspace, e);
        }
        try {
            int version = migrate(connection, workspace, migrations);
            return new WorkloadRepository(workspace, connection, version);
        }
        catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static CaptureException openFailure(Workspace workspace, SQLException e)
    {
        // H2's "database may be already in use" or a corrupt/locked file
        ErrorCode code = e.getErrorCode() == 90020 ? ErrorCode.WORKSPACE_LOCKED : ErrorCode.WORKSPACE_NOT_WRITABLE;
        return new CaptureException(code, "cannot open the repository of workspace %s: %s".formatted(workspace.directory(), firstLine(e.getMessage())), e);
    }

    private static int migrate(Connection connection, Workspace workspace, List<Migration> migrations)
    {
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("""
                        CREATE TABLE IF NOT EXISTS schema_version (
                            version INTEGER PRIMARY KEY,
                            description VARCHAR(256) NOT NULL,
                            applied_at TIMESTAMP WITH TIME ZONE NOT NULL)""");
            }
            int current = currentVersion(connection);
            int latest = migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
            if (current > latest) {
                throw new CaptureException(ErrorCode.WORKSPACE_TOO_NEW,
                        "workspace %s was written by a newer autotable (repository schema version %d; this autotable knows up to %d): upgrade autotable or use another --workspace"
                                .formatted(workspace.directory(), current, latest));
            }
            for (Migration migration : migrations) {
                if (migration.version() <= current) {
                    continue;
                }
                // H2 commits DDL implicitly, so a migration is not atomic; each script only adds
                // objects, and the version row is written last, so a crash re-runs a whole step
                // on an empty-handed schema at worst, which IF NOT EXISTS guards would make safe.
                try (Statement statement = connection.createStatement()) {
                    for (String sql : migration.statements()) {
                        statement.execute(sql);
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO schema_version VALUES (?, ?, ?)")) {
                    insert.setInt(1, migration.version());
                    insert.setString(2, migration.description());
                    insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                    insert.executeUpdate();
                }
                current = migration.version();
            }
            return current;
        }
        catch (SQLException e) {
            throw new CaptureException(ErrorCode.REPOSITORY_FAILURE,
                    "cannot migrate the repository of workspace %s: %s".formatted(workspace.directory(), firstLine(e.getMessage())), e);
        }
    }

    private static int currentVersion(Connection connection)
            throws SQLException
    {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    public Workspace workspace()
    {
        return workspace;
    }

    public int schemaVersion()
    {
        return schemaVersion;
    }

    // ---------------------------------------------------------------- catalog and design

    /** Every table the repository holds, in any state, sorted by name. */
    public synchronized List<CatalogEntry> catalogEntries()
    {
        List<CatalogEntry> entries = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT name, state, origin, definition, updated_at FROM catalog_tables ORDER BY name")) {
            while (rs.next()) {
                String name = rs.getString(1);
                Table table = Json.read(rs.getString(4), Table.class, "the repository's definition of table " + name);
                entries.add(new CatalogEntry(table, TableState.valueOf(rs.getString(2)), rs.getString(3), rs.getObject(5, OffsetDateTime.class).toInstant()));
            }
        }
        catch (SQLException e) {
            throw failure("read the catalog", e);
        }
        return List.copyOf(entries);
    }

    public synchronized Optional<CatalogEntry> catalogEntry(String table)
    {
        String name = Identifiers.normalize(table, "table");
        return catalogEntries().stream().filter(entry -> entry.table().name().equals(name)).findFirst();
    }

    /**
     * The catalog the advisor may use: complete and declared tables. A table whose load did not
     * finish is left out, so a partial table is never taken for a complete one.
     */
    public Catalog catalog()
    {
        return new Catalog(catalogEntries().stream()
                .filter(entry -> entry.state() != TableState.INCOMPLETE)
                .map(CatalogEntry::table)
                .toList());
    }

    /** Stores a table (replacing one of the same name) in the given state. */
    public synchronized void saveTable(Table table, TableState state, String origin)
    {
        inTransaction("save table " + table.name(), () -> upsertTable(table, state, origin));
    }

    /**
     * Stores tables and their designs in one transaction: either all of them are stored or none.
     */
    public synchronized void saveTables(List<Table> tables, TableState state, String origin, PhysicalDesign design)
    {
        inTransaction("save " + tables.size() + " tables", () -> {
            for (Table table : tables) {
                upsertTable(table, state, origin);
            }
            for (Map.Entry<String, TableDesign> entry : design.tables().entrySet()) {
                upsertDesign(entry.getKey(), entry.getValue());
            }
        });
    }

    /** Stores the designs of several tables in one transaction. */
    public synchronized void saveDesign(PhysicalDesign design)
    {
        inTransaction("save the physical design", () -> {
            for (Map.Entry<String, TableDesign> entry : design.tables().entrySet()) {
                upsertDesign(entry.getKey(), entry.getValue());
            }
        });
    }

    public synchronized void saveDesign(String table, TableDesign design)
    {
        inTransaction("save the design of " + table, () -> upsertDesign(table, design));
    }

    /** The current physical design of every table that has one. */
    public synchronized PhysicalDesign design()
    {
        Map<String, TableDesign> designs = new TreeMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT name, design FROM table_designs ORDER BY name")) {
            while (rs.next()) {
                designs.put(rs.getString(1), Json.read(rs.getString(2), TableDesign.class, "the repository's design of table " + rs.getString(1)));
            }
        }
        catch (SQLException e) {
            throw failure("read the physical design", e);
        }
        return new PhysicalDesign(designs);
    }

    /** Removes a table and its design. */
    public synchronized void removeTable(String table)
    {
        String name = Identifiers.normalize(table, "table");
        inTransaction("remove table " + name, () -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM catalog_tables WHERE name = ?");
                    PreparedStatement deleteDesign = connection.prepareStatement("DELETE FROM table_designs WHERE name = ?")) {
                delete.setString(1, name);
                delete.executeUpdate();
                deleteDesign.setString(1, name);
                deleteDesign.executeUpdate();
            }
        });
    }

    private void upsertTable(Table table, TableState state, String origin)
            throws SQLException
    {
        try (PreparedStatement merge = connection.prepareStatement(
                "MERGE INTO catalog_tables (name, state, origin, definition, updated_at) KEY (name) VALUES (?, ?, ?, ?, ?)")) {
            merge.setString(1, table.name());
            merge.setString(2, state.name());
            merge.setString(3, origin);
            merge.setString(4, Json.write(table));
            merge.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
            merge.executeUpdate();
        }
    }

    private void upsertDesign(String table, TableDesign design)
            throws SQLException
    {
        try (PreparedStatement merge = connection.prepareStatement(
                "MERGE INTO table_designs (name, design, updated_at) KEY (name) VALUES (?, ?, ?)")) {
            merge.setString(1, Identifiers.normalize(table, "table"));
            merge.setString(2, Json.write(design));
            merge.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            merge.executeUpdate();
        }
    }

    // ---------------------------------------------------------------- events

    /**
     * Appends events, skipping any whose (source, id) the repository already holds, so importing
     * the same log twice adds nothing twice. Events are written in batches of
     * {@value #EVENT_BATCH_SIZE}, each committed on its own: a failure keeps the batches before it.
     *
     * @return how many events were new
     */
    public synchronized long appendEvents(Iterable<QueryEvent> events)
    {
        long added = 0;
        Map<String, Integer> sourceNumbers = new HashMap<>();
        List<QueryEvent> batch = new ArrayList<>(EVENT_BATCH_SIZE);
        try (PreparedStatement insert = connection.prepareStatement(INSERT_EVENT);
                PreparedStatement existing = connection.prepareStatement(EXISTING_EVENTS)) {
            connection.setAutoCommit(false);
            for (QueryEvent event : events) {
                batch.add(event);
                if (batch.size() == EVENT_BATCH_SIZE) {
                    added += insertBatch(batch, sourceNumbers, insert, existing);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                added += insertBatch(batch, sourceNumbers, insert, existing);
            }
            return added;
        }
        catch (SQLException e) {
            rollbackQuietly();
            throw failure("store events", e);
        }
        finally {
            autoCommit();
        }
    }

    // one query per source finds the batch's events that are already stored; the unique index
    // still guards against a second process importing the same log at the same moment
    private int insertBatch(List<QueryEvent> batch, Map<String, Integer> sourceNumbers, PreparedStatement insert, PreparedStatement existing)
            throws SQLException
    {
        Map<String, Set<String>> idsBySource = new HashMap<>();
        for (QueryEvent event : batch) {
            idsBySource.computeIfAbsent(event.source(), source -> new HashSet<>()).add(event.id());
        }
        Map<String, Set<String>> stored = new HashMap<>();
        for (Map.Entry<String, Set<String>> entry : idsBySource.entrySet()) {
            int sourceNo = sourceNumber(entry.getKey(), sourceNumbers);
            existing.setObject(1, entry.getValue().toArray(new String[0]));
            existing.setInt(2, sourceNo);
            Set<String> found = new HashSet<>();
            try (ResultSet rs = existing.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            stored.put(entry.getKey(), found);
        }
        int added = 0;
        for (QueryEvent event : batch) {
            // Set.add also drops a repeat of the same (source, id) within the batch
            if (!stored.get(event.source()).add(event.id())) {
                continue;
            }
            bindEvent(insert, sourceNumbers.get(event.source()), event);
            insert.addBatch();
            added++;
        }
        if (added > 0) {
            insert.executeBatch();
        }
        connection.commit();
        return added;
    }

    private int sourceNumber(String source, Map<String, Integer> cache)
            throws SQLException
    {
        Integer known = cache.get(source);
        if (known != null) {
            return known;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT source_no FROM event_sources WHERE name = ?")) {
            select.setString(1, source);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    cache.put(source, rs.getInt(1));
                    return rs.getInt(1);
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO event_sources (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, source);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                cache.put(source, keys.getInt(1));
                return keys.getInt(1);
            }
        }
    }

    private static void bindEvent(PreparedStatement insert, int sourceNo, QueryEvent event)
            throws SQLException
    {
        insert.setInt(1, sourceNo);
        insert.setString(2, event.id());
        insert.setString(3, event.user());
        insert.setObject(4, OffsetDateTime.ofInstant(event.start(), ZoneOffset.UTC));
        insert.setLong(5, event.durationMicros());
        insert.setLong(6, event.rows());
        insert.setString(7, event.fingerprint());
        insert.setString(8, event.status().name());
        insert.setString(9, event.error().map(error -> error.length() > 4096 ? error.substring(0, 4093) + "..." : error).orElse(null));
        insert.setString(10, event.sql());
    }

    public synchronized long eventCount()
    {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM events")) {
            rs.next();
            return rs.getLong(1);
        }
        catch (SQLException e) {
            throw failure("count events", e);
        }
    }

    /**
     * When the stored events start: the first event's start and the last event's start, or empty
     * when there are none. Per-day figures divide by this span.
     */
    public synchronized Optional<EventSpan> eventSpan()
    {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT MIN(start_time), MAX(start_time) FROM events")) {
            rs.next();
            OffsetDateTime first = rs.getObject(1, OffsetDateTime.class);
            OffsetDateTime last = rs.getObject(2, OffsetDateTime.class);
            return first == null ? Optional.empty() : Optional.of(new EventSpan(first.toInstant(), last.toInstant()));
        }
        catch (SQLException e) {
            throw failure("read the events' time span", e);
        }
    }

    /** Streams every event in the order it was stored, without holding them all in memory. */
    public synchronized void forEachEvent(Consumer<QueryEvent> consumer)
    {
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(1_000);
            try (ResultSet rs = statement.executeQuery(
                    "SELECT s.name, e.source_event, e.user_name, e.start_time, e.duration_us, e.row_count, e.sql_text, e.fingerprint, e.status, e.error_message "
                            + "FROM events e JOIN event_sources s ON s.source_no = e.source_no ORDER BY e.event_id")) {
                while (rs.next()) {
                    consumer.accept(new QueryEvent(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(),
                            rs.getLong(5),
                            rs.getLong(6),
                            rs.getString(7),
                            rs.getString(8),
                            EventStatus.valueOf(rs.getString(9)),
                            Optional.ofNullable(rs.getString(10))));
                }
            }
        }
        catch (SQLException e) {
            throw failure("read events", e);
        }
    }

    /**
     * The events grouped by fingerprint, with one run's text each (the first stored), heaviest
     * first: what analysis parses once per statement instead of once per run.
     */
    public synchronized List<FingerprintGroup> fingerprintGroups()
    {
        List<FingerprintGroup> groups = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("""
                        SELECT g.fingerprint, g.runs, g.total_us, g.failed, e.sql_text
                        FROM (SELECT fingerprint, COUNT(*) AS runs, SUM(duration_us) AS total_us,
                                     SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END) AS failed, MIN(event_id) AS first_event
                              FROM events GROUP BY fingerprint) g
                        JOIN events e ON e.event_id = g.first_event
                        ORDER BY g.total_us DESC, g.fingerprint""")) {
            while (rs.next()) {
                groups.add(new FingerprintGroup(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5)));
            }
        }
        catch (SQLException e) {
            throw failure("group events by fingerprint", e);
        }
        return List.copyOf(groups);
    }

    // ---------------------------------------------------------------- shapes

    /** Stores the analysis of a fingerprint: its shape, or why it could not be parsed. */
    public synchronized void saveShape(String fingerprint, Optional<QueryShape> shape, Optional<String> parseError)
    {
        if (shape.isPresent() == parseError.isPresent()) {
            throw CaptureException.invalid("fingerprint %s: exactly one of shape and parseError must be given", fingerprint);
        }
        inTransaction("save the shape of " + fingerprint, () -> {
            try (PreparedStatement merge = connection.prepareStatement(
                    "MERGE INTO shapes (fingerprint, shape, parse_error, analyzed_at) KEY (fingerprint) VALUES (?, ?, ?, ?)")) {
                merge.setString(1, fingerprint);
                merge.setString(2, shape.map(Json::write).orElse(null));
                merge.setString(3, parseError.orElse(null));
                merge.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
                merge.executeUpdate();
            }
        });
    }

    public synchronized Optional<QueryShape> shape(String fingerprint)
    {
        try (PreparedStatement select = connection.prepareStatement("SELECT shape FROM shapes WHERE fingerprint = ?")) {
            select.setString(1, fingerprint);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return Optional.empty();
                }
                return Optional.of(Json.read(rs.getString(1), QueryShape.class, "the repository's shape of " + fingerprint));
            }
        }
        catch (SQLException e) {
            throw failure("read a shape", e);
        }
    }

    // ---------------------------------------------------------------- journal

    public synchronized JournalEntry appendJournal(JournalEntry entry)
    {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO journal (at_time, action, table_name, detail) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setObject(1, OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
            insert.setString(2, entry.action());
            insert.setString(3, entry.table().orElse(null));
            insert.setString(4, entry.detail());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new JournalEntry(keys.getLong(1), entry.at(), entry.action(), entry.table(), entry.detail());
            }
        }
        catch (SQLException e) {
            throw failure("write the journal", e);
        }
    }

    public synchronized List<JournalEntry> journal()
    {
        List<JournalEntry> entries = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT entry_id, at_time, action, table_name, detail FROM journal ORDER BY entry_id")) {
            while (rs.next()) {
                entries.add(new JournalEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                        Optional.ofNullable(rs.getString(4)), rs.getString(5)));
            }
        }
        catch (SQLException e) {
            throw failure("read the journal", e);
        }
        return List.copyOf(entries);
    }

    /**
     * Writes everything committed so far to the repository's file. H2 writes commits to the file
     * in the background, up to its write delay (500 ms) later, so a process killed just after a
     * commit can lose it; a caller whose next step relies on a journal entry having survived (a
     * crash-safe table rewrite) flushes first.
     */
    public synchronized void flush()
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
        catch (SQLException e) {
            throw failure("flush the repository to disk", e);
        }
    }

    // ---------------------------------------------------------------- plumbing

    @FunctionalInterface
    private interface SqlWork
    {
        void run()
                throws SQLException;
    }

    private void inTransaction(String what, SqlWork work)
    {
        try {
            connection.setAutoCommit(false);
            work.run();
            connection.commit();
        }
        catch (SQLException e) {
            rollbackQuietly();
            throw failure(what, e);
        }
        catch (RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
        finally {
            autoCommit();
        }
    }

    private void rollbackQuietly()
    {
        try {
            connection.rollback();
        }
        catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    private void autoCommit()
    {
        try {
            connection.setAutoCommit(true);
        }
        catch (SQLException ignored) {
            // the connection is broken; the next call reports it
        }
    }

    private CaptureException failure(String what, SQLException e)
    {
        return new CaptureException(ErrorCode.REPOSITORY_FAILURE,
                "cannot %s in the repository of workspace %s: %s".formatted(what, workspace.directory(), firstLine(e.getMessage())), e);
    }

    private static String firstLine(String message)
    {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void closeQuietly(Connection connection)
    {
        try {
            connection.close();
        }
        catch (SQLException ignored) {
            // nothing more to release
        }
    }

    @Override
    public synchronized void close()
    {
        closeQuietly(connection);
    }
}
