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
            connection = workspace.connect(Workspace.REPOSITORY_NAME, workspace.jdbcUrl(Workspace.REPOSITORY_NAME));
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
    public Optional<EventSpan> eventSpan()
    {
        return eventSpan(EventWindow.all());
    }

    /** The span of the events inside a window, or empty when there are none. */
    public synchronized Optional<EventSpan> eventSpan(EventWindow window)
    {
        try (PreparedStatement statement = connection.prepareStatement("SELECT MIN(start_time), MAX(start_time) FROM events WHERE " + window.condition(""))) {
            bind(statement, window, 1);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                OffsetDateTime first = rs.getObject(1, OffsetDateTime.class);
                OffsetDateTime last = rs.getObject(2, OffsetDateTime.class);
                return first == null ? Optional.empty() : Optional.of(new EventSpan(first.toInstant(), last.toInstant()));
            }
        }
        catch (SQLException e) {
            throw failure("read the events' time span", e);
        }
    }

    /** Streams every event in the order it was stored, without holding them all in memory. */
    public void forEachEvent(Consumer<QueryEvent> consumer)
    {
        forEachEvent(EventWindow.all(), consumer);
    }

    /** Streams the events inside a window in the order they were stored. */
    public synchronized void forEachEvent(EventWindow window, Consumer<QueryEvent> consumer)
    {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT s.name, e.source_event, e.user_name, e.start_time, e.duration_us, e.row_count, e.sql_text, e.fingerprint, e.status, e.error_message "
                        + "FROM events e JOIN event_sources s ON s.source_no = e.source_no WHERE " + window.condition("e") + " ORDER BY e.event_id")) {
            statement.setFetchSize(1_000);
            bind(statement, window, 1);
            try (ResultSet rs = statement.executeQuery()) {
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

    private static int bind(PreparedStatement statement, EventWindow window, int first)
            throws SQLException
    {
        int index = first;
        if (window.from().isPresent()) {
            statement.setObject(index++, OffsetDateTime.ofInstant(window.from().get(), ZoneOffset.UTC));
        }
        if (window.to().isPresent()) {
            statement.setObject(index++, OffsetDateTime.ofInstant(window.to().get(), ZoneOffset.UTC));
        }
        return index;
    }

    /**
     * The events grouped by fingerprint, with one run's text each (the first stored), heaviest
     * first: what analysis parses once per statement instead of once per run.
     */
    public List<FingerprintGroup> fingerprintGroups()
    {
        return fingerprintGroups(EventWindow.all());
    }

    /** The events inside a window grouped by fingerprint, heaviest first. */
    public synchronized List<FingerprintGroup> fingerprintGroups(EventWindow window)
    {
        List<FingerprintGroup> groups = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT g.fingerprint, g.runs, g.total_us, g.failed, e.sql_text
                FROM (SELECT fingerprint, COUNT(*) AS runs, SUM(duration_us) AS total_us,
                             SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END) AS failed, MIN(event_id) AS first_event
                      FROM events WHERE %s GROUP BY fingerprint) g
                JOIN events e ON e.event_id = g.first_event
                ORDER BY g.total_us DESC, g.fingerprint""".formatted(window.condition("")))) {
            bind(statement, window, 1);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    groups.add(new FingerprintGroup(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5)));
                }
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

    // ---------------------------------------------------------------- advice runs

    /** Stores an advice run and its recommendations in one transaction; returns the run with its number. */
    public synchronized AdviceRun saveAdviceRun(AdviceRun run, List<StoredRecommendation> recommendations)
    {
        AdviceRun[] stored = new AdviceRun[1];
        inTransaction("save an advice run", () -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO advice_runs (created_at, origin, window_start, window_end, baseline_seconds, recommended_seconds, detail)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
                insert.setObject(1, OffsetDateTime.ofInstant(run.at(), ZoneOffset.UTC));
                insert.setString(2, run.origin());
                insert.setObject(3, run.window().from().map(at -> OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).orElse(null));
                insert.setObject(4, run.window().to().map(at -> OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).orElse(null));
                insert.setDouble(5, run.baselineSeconds());
                insert.setDouble(6, run.recommendedSeconds());
                insert.setString(7, run.detail());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    stored[0] = new AdviceRun(keys.getLong(1), run.at(), run.origin(), run.window(), run.baselineSeconds(), run.recommendedSeconds(), run.detail());
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO recommendations (id, run_id, created_at, table_name, kind, status, body) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (StoredRecommendation recommendation : recommendations) {
                    StoredRecommendation numbered = new StoredRecommendation(stored[0].runNo(), recommendation.id(), recommendation.table(),
                            recommendation.kind(), recommendation.status(), recommendation.body());
                    insert.setString(1, numbered.qualifiedId());
                    insert.setString(2, stored[0].id());
                    insert.setObject(3, OffsetDateTime.ofInstant(run.at(), ZoneOffset.UTC));
                    insert.setString(4, numbered.table());
                    insert.setString(5, numbered.kind());
                    insert.setString(6, numbered.status());
                    insert.setString(7, numbered.body());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        return stored[0];
    }

    /** Replaces a stored run's detail (the daemon adds its decisions once it has made them). */
    public synchronized void updateAdviceRunDetail(long runNo, String detail)
    {
        try (PreparedStatement update = connection.prepareStatement("UPDATE advice_runs SET detail = ? WHERE run_no = ?")) {
            update.setString(1, requireNonNull(detail, "detail is null"));
            update.setLong(2, runNo);
            if (update.executeUpdate() != 1) {
                throw CaptureException.invalid("no advice run A%d in the repository", runNo);
            }
        }
        catch (SQLException e) {
            throw failure("update advice run A" + runNo, e);
        }
    }

    /** The newest advice runs, newest first, of one origin ({@code advise}, {@code daemon}) or of any when empty. */
    public synchronized List<AdviceRun> adviceRuns(Optional<String> origin, int limit)
    {
        return readAdviceRuns((origin.isPresent() ? "WHERE origin = ? " : "") + "ORDER BY run_no DESC LIMIT ?", statement -> {
            int index = 1;
            if (origin.isPresent()) {
                statement.setString(index++, origin.get());
            }
            statement.setInt(index, limit);
        });
    }

    /** One advice run by its number ({@code A12} is 12). */
    public synchronized Optional<AdviceRun> adviceRun(long runNo)
    {
        return readAdviceRuns("WHERE run_no = ?", statement -> statement.setLong(1, runNo)).stream().findFirst();
    }

    @FunctionalInterface
    private interface Binder
    {
        void bind(PreparedStatement statement)
                throws SQLException;
    }

    private List<AdviceRun> readAdviceRuns(String where, Binder binder)
    {
        List<AdviceRun> runs = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT run_no, created_at, origin, window_start, window_end, baseline_seconds, recommended_seconds, detail FROM advice_runs " + where)) {
            binder.bind(statement);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime from = rs.getObject(4, OffsetDateTime.class);
                    OffsetDateTime to = rs.getObject(5, OffsetDateTime.class);
                    EventWindow window = new EventWindow(Optional.ofNullable(from).map(OffsetDateTime::toInstant), Optional.ofNullable(to).map(OffsetDateTime::toInstant));
                    runs.add(new AdviceRun(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), window,
                            rs.getDouble(6), rs.getDouble(7), rs.getString(8)));
                }
            }
        }
        catch (SQLException e) {
            throw failure("read advice runs", e);
        }
        return List.copyOf(runs);
    }

    /** The recommendations of one run, in their order ({@code R1}, {@code R2}, ...). */
    public synchronized List<StoredRecommendation> recommendations(long runNo)
    {
        List<StoredRecommendation> recommendations = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, table_name, kind, status, body FROM recommendations WHERE run_id = ? ORDER BY created_at, CAST(SUBSTRING(id, POSITION(':R' IN id) + 2) AS INTEGER)")) {
            statement.setString(1, "A" + runNo);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String qualified = rs.getString(1);
                    recommendations.add(new StoredRecommendation(runNo, qualified.substring(qualified.indexOf(':') + 1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        catch (SQLException e) {
            throw failure("read the recommendations of run A" + runNo, e);
        }
        return List.copyOf(recommendations);
    }

    public synchronized void setRecommendationStatus(StoredRecommendation recommendation, String status)
    {
        requireNonNull(status, "status is null");
        try (PreparedStatement update = connection.prepareStatement("UPDATE recommendations SET status = ? WHERE id = ?")) {
            update.setString(1, status);
            update.setString(2, recommendation.qualifiedId());
            if (update.executeUpdate() != 1) {
                throw CaptureException.invalid("no recommendation %s in the repository", recommendation.qualifiedId());
            }
        }
        catch (SQLException e) {
            throw failure("update recommendation " + recommendation.qualifiedId(), e);
        }
    }

    // ---------------------------------------------------------------- exclusions

    public synchronized void exclude(Exclusion exclusion)
    {
        try (PreparedStatement merge = connection.prepareStatement("MERGE INTO exclusions (table_name, kind, created_at) KEY (table_name, kind) VALUES (?, ?, ?)")) {
            merge.setString(1, exclusion.table());
            merge.setString(2, exclusion.kind().orElse(Exclusion.ALL_KINDS));
            merge.setObject(3, OffsetDateTime.ofInstant(exclusion.at(), ZoneOffset.UTC));
            merge.executeUpdate();
        }
        catch (SQLException e) {
            throw failure("exclude " + exclusion.table(), e);
        }
    }

    /** Removes exclusions of a table (of one kind, or all of them); returns how many there were. */
    public synchronized int include(String table, Optional<String> kind)
    {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM exclusions WHERE table_name = ?" + (kind.isPresent() ? " AND kind = ?" : ""))) {
            delete.setString(1, table);
            if (kind.isPresent()) {
                delete.setString(2, kind.get());
            }
            return delete.executeUpdate();
        }
        catch (SQLException e) {
            throw failure("remove the exclusions of " + table, e);
        }
    }

    public synchronized List<Exclusion> exclusions()
    {
        List<Exclusion> exclusions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT table_name, kind, created_at FROM exclusions ORDER BY table_name, kind")) {
            while (rs.next()) {
                String kind = rs.getString(2);
                exclusions.add(new Exclusion(rs.getString(1), kind.equals(Exclusion.ALL_KINDS) ? Optional.empty() : Optional.of(kind),
                        rs.getObject(3, OffsetDateTime.class).toInstant()));
            }
        }
        catch (SQLException e) {
            throw failure("read the exclusions", e);
        }
        return List.copyOf(exclusions);
    }

    // ---------------------------------------------------------------- daemon state

    public synchronized void saveDaemonState(DaemonState state)
    {
        try (PreparedStatement merge = connection.prepareStatement(
                "MERGE INTO daemon_state (pid, started_at, heartbeat_at, state, detail) KEY (pid, started_at) VALUES (?, ?, ?, ?, ?)")) {
            merge.setLong(1, state.pid());
            merge.setObject(2, OffsetDateTime.ofInstant(state.startedAt(), ZoneOffset.UTC));
            merge.setObject(3, OffsetDateTime.ofInstant(state.heartbeatAt(), ZoneOffset.UTC));
            merge.setString(4, state.state());
            merge.setString(5, state.detail());
            merge.executeUpdate();
        }
        catch (SQLException e) {
            throw failure("record the daemon's state", e);
        }
    }

    /** The state of the daemon that started last, if any ever ran here. */
    public synchronized Optional<DaemonState> daemonState()
    {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT pid, started_at, heartbeat_at, state, detail FROM daemon_state ORDER BY started_at DESC LIMIT 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new DaemonState(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                    rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5)));
        }
        catch (SQLException e) {
            throw failure("read the daemon's state", e);
        }
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
        workspace.compactIfGrown(Workspace.REPOSITORY_NAME);
    }
}
