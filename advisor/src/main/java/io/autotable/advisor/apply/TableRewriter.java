package io.autotable.advisor.apply;

import io.autotable.advisor.AdvisorException;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.error.AutotableException;
import io.autotable.error.ErrorCode;
import io.autotable.json.Json;
import io.autotable.repository.DatabaseBackup;
import io.autotable.repository.JournalEntry;
import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Changes one table of the embedded warehouse to a new physical design by rewriting its rows, so
 * that a crash at any point leaves either the old rows or the new ones, complete, and
 * {@link #recover()} at the next start finishes the change one way or the other.
 *
 * <h2>How a change runs</h2>
 * Each step is journaled in the repository, and both databases are flushed to their files after
 * each step (H2 otherwise writes commits up to 500 ms later, and a killed process loses them), so
 * the journal is never ahead of the warehouse:
 * <ol>
 * <li>{@code change-begin} with the whole plan.
 * <li>A backup of the whole warehouse file ({@link DatabaseBackup}, H2's online {@code BACKUP TO}),
 *     for the case H2 itself cannot reopen the file after a crash; it is deleted just before the
 *     change's last journal entry, so a backup on disk always belongs to an unresolved change.
 * <li>A shadow table {@code autotable$new$<table>} with the table's columns, its comment the
 *     target design and the change id as JSON.
 * <li>Rows are copied into it in the target order: {@code ORDER BY} the sort key's columns, then
 *     {@code _ROWID_} so that ties keep their load order. An interleaved key is copied in the
 *     compound order of its columns: H2 holds rows in one order only, and the simulator lays out
 *     interleaved blocks itself. Batches of {@link Throttle#batchSize()} rows are committed one by
 *     one, with the {@link Throttle}'s pause and foreground-load wait between them;
 *     {@code change-copied}. The table must not be written meanwhile (writers hold the workspace
 *     lock, as the applier does); a write that slips in fails the verification.
 * <li>Row count and {@link TableChecksum} of both tables must match, else the shadow is dropped,
 *     {@code change-failed} is journaled and an {@link AdvisorException} thrown; {@code change-verified}.
 * <li>The swap, one transaction: delete the table's rows, insert the shadow's in the shadow's
 *     order, and record the target design in the registry {@code autotable.table_designs}
 *     (schema {@code autotable}, out of the warehouse's table list); commit; {@code change-swapped}.
 * <li>The table's comment becomes the target design and the change id (JSON), the repository's
 *     design of the table the target design, the shadow is dropped; {@code change-done}.
 * </ol>
 * The table keeps its name, its indexes (canonical {@code autotable_<table>_<column>} names) and
 * its column definitions throughout; only its rows are replaced.
 *
 * <h2>Why the rows move, not the names: what H2 2.5 does</h2>
 * Renaming the shadow over the table is not atomic for other sessions, even in exclusive mode,
 * measured: {@code SET EXCLUSIVE 1} returns at once, statements already running go on, and a
 * statement another session starts meanwhile waits, but only to execute: H2 parses it (and looks
 * its tables up) before it waits, so a query arriving between the two renames fails with "table
 * not found". A connection opened in exclusive mode fails too (error 90135). So the swap is a
 * transaction instead: under MVCC each statement of another session sees either all the old rows
 * or all the new ones, a query already running keeps reading the old row versions until it ends,
 * and there is no old table to drop under it. The price is writing the rows twice.
 *
 * <h2>What a crash leaves, and how recovery decides</h2>
 * {@link #recover()} finds every change whose last journal entry is not terminal and decides
 * from the warehouse alone, since the journal may be a step behind it. The registry row, written
 * in the swap's transaction, says whether the swap committed:
 * <ul>
 * <li>the registry names the change: the table has the new rows; recovery rolls forward: the
 *     comment and the repository's design become the target design, the shadow is dropped;
 *     {@code change-done}.
 * <li>it does not: the table has its old rows, complete (an uncommitted swap is undone by H2 when
 *     the database opens); the shadow, partial or not, is dropped; {@code change-rolled-back},
 *     "recovered after a crash".
 * </ul>
 * When H2 could not open the warehouse after the crash, opening it restored the backup
 * ({@link io.autotable.repository.Workspace#connect}): the registry is then as before the change,
 * which is rolled back, and the repository's design of the table is set back to the plan's
 * {@code from}; the journal's message says the file was restored and where the unreadable one is kept.
 * Every step of recovery is idempotent, so a crash during recovery is recovered the next time.
 * Afterwards the repository's design of each recovered table, its comment and its registry row
 * agree (a table never rewritten has none of them). A shadow table no journal entry explains is
 * dropped.
 *
 * <p>Only one process may apply or recover at a time: callers hold the workspace lock, as loads
 * do. One instance is not safe for concurrent use: it runs on the warehouse's connection.
 */
public final class TableRewriter
{
    static final String SHADOW_PREFIX = "autotable$new$";
    private static final String RECOVERED = "recovered after a crash";
    private static final Duration POLL = Duration.ofMillis(20);

    /** Where a rewrite has got to, for tests that crash it there. */
    enum Step
    {
        BEGUN, BACKED_UP, SHADOW_CREATED, BATCH_COPIED, COPIED, VERIFIED, ROWS_REPLACED, SWAPPED, COMMENTED, DESIGN_SAVED, SHADOW_DROPPED, DONE
    }

    @FunctionalInterface
    interface StepHook
    {
        StepHook NONE = step -> {};

        void reached(Step step);
    }

    private final WorkloadRepository repository;
    private final Throttle throttle;
    private final StepHook hook;
    private final Connection connection;
    private final WarehouseTables tables;
    private final DatabaseBackup backup;

    public TableRewriter(EmbeddedWarehouse warehouse, WorkloadRepository repository, Throttle throttle)
    {
        this(warehouse, repository, throttle, StepHook.NONE);
    }

    TableRewriter(EmbeddedWarehouse warehouse, WorkloadRepository repository, Throttle throttle, StepHook hook)
    {
        requireNonNull(warehouse, "warehouse is null");
        this.repository = requireNonNull(repository, "repository is null");
        this.throttle = requireNonNull(throttle, "throttle is null");
        this.hook = requireNonNull(hook, "hook is null");
        this.connection = warehouse.connection();
        this.tables = new WarehouseTables(connection);
        this.backup = new DatabaseBackup(warehouse.workspace().directory(), Workspace.WAREHOUSE_NAME);
    }

    /** The name of the table a rewrite of {@code table} copies its rows into. */
    public static String shadowName(String table)
    {
        return SHADOW_PREFIX + table;
    }

    /**
     * A plan to give a table a new design, from the design the repository has for it now,
     * numbered after the journal's last change.
     */
    public ChangePlan plan(String table, TableDesign to, ChangeOrigin origin, List<String> recommendationIds, String reason, double predictedBenefitPercent)
    {
        return ChangePlan.next(ChangeLog.read(repository), table, repository.design().table(table), to, origin, recommendationIds, reason, predictedBenefitPercent);
    }

    /**
     * Rewrites the plan's table into the plan's target design; see the class comment for the steps.
     *
     * @throws AdvisorException with {@link ErrorCode#UNKNOWN_TABLE} or {@link ErrorCode#UNKNOWN_COLUMN}
     *         when the warehouse has no such table or the design names a column it lacks,
     *         {@link ErrorCode#INVALID_ARGUMENT} when the plan's id is taken or its {@code from} is not
     *         the table's design, and {@link ErrorCode#WAREHOUSE_FAILURE} when the copy does not match
     *         the table or the warehouse fails; the table then keeps its old design
     */
    public RewriteResult apply(ChangePlan plan)
    {
        requireNonNull(plan, "plan is null");
        long start = System.nanoTime();
        String table = plan.table();
        long rowsBefore;
        try {
            checkPlan(plan);
            rowsBefore = tables.rowCount(table);
        }
        catch (SQLException e) {
            throw warehouseFailure(plan, "check the table", e);
        }
        journal(ChangeState.BEGUN, plan.changeId(), table, Map.of(ChangeLog.DETAIL_PLAN, plan, ChangeLog.DETAIL_ROWS, rowsBefore));
        hook.reached(Step.BEGUN);

        TableChecksum checksum = null;
        long copied = start;
        long verified = start;
        try {
            takeBackup();
            hook.reached(Step.BACKED_UP);
            createShadow(plan, tables.columns(table));
            hook.reached(Step.SHADOW_CREATED);
            long rows = copyRows(plan, tables.columns(table).size());
            tables.flush();
            copied = System.nanoTime();
            journal(ChangeState.COPIED, plan.changeId(), table, Map.of(ChangeLog.DETAIL_ROWS, rows));
            hook.reached(Step.COPIED);

            checksum = verify(plan);
            verified = System.nanoTime();
            journal(ChangeState.VERIFIED, plan.changeId(), table, Map.of(ChangeLog.DETAIL_ROWS, checksum.rows(), ChangeLog.DETAIL_CHECKSUM, checksum.hex()));
            hook.reached(Step.VERIFIED);

            swap(plan);
            long swapped = System.nanoTime();
            journal(ChangeState.SWAPPED, plan.changeId(), table, Map.of());
            hook.reached(Step.SWAPPED);

            finish(plan.changeId(), table, new DesignComment(plan.changeId(), plan.to()));
            // before the journal ends the change: a backup on disk always belongs to an unresolved one
            discardBackup();
            journal(ChangeState.DONE, plan.changeId(), table, Map.of(ChangeLog.DETAIL_ROWS, checksum.rows(), ChangeLog.DETAIL_CHECKSUM, checksum.hex()));
            hook.reached(Step.DONE);
            long end = System.nanoTime();
            return new RewriteResult(plan.changeId(), table, checksum, Duration.ofNanos(copied - start), Duration.ofNanos(verified - copied),
                    Duration.ofNanos(swapped - verified), Duration.ofNanos(end - start));
        }
        catch (SQLException | RuntimeException e) {
            AdvisorException failure = e instanceof AdvisorException advisorException ? advisorException : warehouseFailure(plan, "rewrite the table", e);
            ChangeState outcome;
            try {
                outcome = settle(plan.changeId(), table, plan.from(), ChangeState.FAILED, failure.getMessage());
            }
            catch (SQLException | RuntimeException settling) {
                failure.addSuppressed(settling);
                throw new AdvisorException(ErrorCode.WAREHOUSE_FAILURE,
                        "change %s of table %s failed and could not be finished or undone (recovery at the next start will): %s"
                                .formatted(plan.changeId(), table, failure.getMessage()), failure);
            }
            if (outcome == ChangeState.DONE && checksum != null) {
                // the failure came after the swap, and settling finished what it had begun
                long end = System.nanoTime();
                return new RewriteResult(plan.changeId(), table, checksum, Duration.ofNanos(copied - start), Duration.ofNanos(verified - copied),
                        Duration.ZERO, Duration.ofNanos(end - start));
            }
            throw failure;
        }
    }

    /**
     * Finishes every change a crash interrupted, forward or back as the physical tables say (see
     * the class comment), and drops shadow and old tables that no journal entry explains. Call it
     * when a process that applies changes starts, holding the workspace lock. Idempotent.
     *
     * @return the changes it finished, in the order they began
     */
    public List<RecoveredChange> recover()
    {
        try {
            tables.createRegistry();
        }
        catch (SQLException e) {
            throw new AdvisorException(ErrorCode.WAREHOUSE_FAILURE, "cannot create the registry of table designs: " + e.getMessage(), e);
        }
        String message = restoreNote().map(note -> RECOVERED + "; " + note).orElse(RECOVERED);
        List<RecoveredChange> recovered = new ArrayList<>();
        for (ChangeRecord change : ChangeLog.read(repository).unresolved()) {
            try {
                checkRowsKept(change);
                recovered.add(new RecoveredChange(change.changeId(), change.table(),
                        settle(change.changeId(), change.table(), change.plan().from(), ChangeState.ROLLED_BACK, message)));
            }
            catch (SQLException e) {
                throw warehouseFailure(change.plan(), "recover the table", e);
            }
        }
        try {
            dropOrphans();
        }
        catch (SQLException e) {
            throw new AdvisorException(ErrorCode.WAREHOUSE_FAILURE, "cannot drop the tables left by an unjournaled rewrite: " + e.getMessage(), e);
        }
        discardBackup();
        return List.copyOf(recovered);
    }

    /**
     * What does not agree in the workspace, empty when everything does: changes the journal has not
     * resolved, shadow tables left behind, and rewritten tables whose design in the repository's
     * catalog differs from the one their comment or the registry records.
     */
    public List<String> inconsistencies()
    {
        List<String> problems = new ArrayList<>();
        for (ChangeRecord change : ChangeLog.read(repository).unresolved()) {
            problems.add("change %s of table %s is unresolved (%s): recover() finishes it".formatted(change.changeId(), change.table(), change.state().action()));
        }
        try {
            for (String shadow : tables.tablesStartingWith(SHADOW_PREFIX)) {
                problems.add("table %s is left from an unfinished rewrite".formatted(shadow));
            }
            tables.createRegistry();
            for (String table : repository.design().tables().keySet()) {
                Optional<DesignComment> comment = tables.designComment(table);
                Optional<DesignComment> registered = tables.registered(table);
                if (!comment.equals(registered)) {
                    problems.add("table %s: its comment says %s, the registry %s".formatted(table, comment.map(DesignComment::changeId).orElse("never rewritten"),
                            registered.map(DesignComment::changeId).orElse("never rewritten")));
                }
                if (comment.isPresent() && !comment.get().design().equals(repository.design().table(table))) {
                    problems.add("table %s: the catalog's design is not the one change %s gave it".formatted(table, comment.get().changeId()));
                }
            }
        }
        catch (SQLException e) {
            throw new AdvisorException(ErrorCode.WAREHOUSE_FAILURE, "cannot read the embedded warehouse's tables: " + e.getMessage(), e);
        }
        return problems;
    }

    private void checkPlan(ChangePlan plan)
            throws SQLException
    {
        String table = plan.table();
        Optional<String> remarks = tables.remarks(table);
        if (remarks.isEmpty()) {
            throw new AdvisorException(ErrorCode.UNKNOWN_TABLE, "change %s: the embedded warehouse has no table %s".formatted(plan.changeId(), table));
        }
        if (tables.exists(shadowName(table))) {
            throw new AdvisorException(ErrorCode.INVALID_ARGUMENT,
                    "change %s: an earlier change of table %s did not finish (%s exists): recover() finishes it first"
                            .formatted(plan.changeId(), table, shadowName(table)));
        }
        tables.createRegistry();
        ChangeLog log = ChangeLog.read(repository);
        if (log.change(plan.changeId()).isPresent()) {
            throw new AdvisorException(ErrorCode.INVALID_ARGUMENT,
                    "change %s is already in the journal: number a new plan after it (the next id is %s)".formatted(plan.changeId(), log.nextChangeId()));
        }
        TableDesign current = repository.design().table(table);
        Optional<TableDesign> physical = DesignComment.parse(remarks.get()).map(DesignComment::design);
        if (!current.equals(plan.from()) || physical.isPresent() && !physical.get().equals(plan.from())) {
            throw new AdvisorException(ErrorCode.INVALID_ARGUMENT,
                    "change %s: table %s's design is no longer the plan's 'from' (repository %s, table comment %s, plan %s): plan the change again"
                            .formatted(plan.changeId(), table, Json.write(current), physical.map(Json::write).orElse("none"), Json.write(plan.from())));
        }
        Set<String> columns = tables.columns(table).keySet();
        List<String> named = new ArrayList<>(plan.to().sortkey());
        plan.to().distkey().ifPresent(named::add);
        named.addAll(plan.to().encodings().keySet());
        for (String column : named) {
            if (!columns.contains(column)) {
                throw new AdvisorException(ErrorCode.UNKNOWN_COLUMN,
                        "change %s: the design names column %s, which table %s does not have (it has %s)".formatted(plan.changeId(), column, table, columns));
            }
        }
    }

    private void createShadow(ChangePlan plan, Map<String, Boolean> columns)
            throws SQLException
    {
        String shadow = shadowName(plan.table());
        // a table created by a query keeps the column types but not NOT NULL
        tables.execute("CREATE TABLE %s AS SELECT * FROM %s WITH NO DATA".formatted(WarehouseTables.quote(shadow), WarehouseTables.quote(plan.table())));
        for (Map.Entry<String, Boolean> column : columns.entrySet()) {
            if (column.getValue()) {
                tables.execute("ALTER TABLE %s ALTER COLUMN %s SET NOT NULL".formatted(WarehouseTables.quote(shadow), WarehouseTables.quote(column.getKey())));
            }
        }
        tables.comment(shadow, new DesignComment(plan.changeId(), plan.to()).json());
        tables.flush();
    }

    private long copyRows(ChangePlan plan, int columnCount)
            throws SQLException
    {
        StringBuilder insert = new StringBuilder("INSERT INTO ").append(WarehouseTables.quote(shadowName(plan.table()))).append(" VALUES (");
        for (int i = 0; i < columnCount; i++) {
            insert.append(i == 0 ? "?" : ", ?");
        }
        insert.append(')');
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement select = connection.createStatement();
                PreparedStatement write = connection.prepareStatement(insert.toString())) {
            select.setFetchSize(Math.min(throttle.batchSize(), 10_000));
            long rows = 0;
            int batch = 0;
            try (ResultSet rs = select.executeQuery("SELECT * FROM %s ORDER BY %s".formatted(WarehouseTables.quote(plan.table()), orderBy(plan.to())))) {
                while (rs.next()) {
                    for (int i = 1; i <= columnCount; i++) {
                        write.setObject(i, rs.getObject(i));
                    }
                    write.addBatch();
                    rows++;
                    batch++;
                    if (batch == throttle.batchSize()) {
                        write.executeBatch();
                        connection.commit();
                        batch = 0;
                        hook.reached(Step.BATCH_COPIED);
                        yieldToForeground();
                    }
                }
            }
            if (batch > 0) {
                write.executeBatch();
                connection.commit();
            }
            return rows;
        }
        catch (Throwable e) {
            // before autocommit is restored, which would commit whatever the transaction holds
            connection.rollback();
            throw e;
        }
        finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The copy's order: the sort key's columns (an interleaved key's in compound order), then load order. */
    static String orderBy(TableDesign design)
    {
        StringBuilder order = new StringBuilder();
        if (design.sortStyle() != SortStyle.NONE) {
            for (String column : design.sortkey()) {
                order.append(WarehouseTables.quote(column)).append(", ");
            }
        }
        return order.append("_ROWID_").toString();
    }

    private void yieldToForeground()
            throws SQLException
    {
        sleep(throttle.pause());
        long deadline = System.nanoTime() + throttle.busyWait().toNanos();
        while (System.nanoTime() < deadline && tables.busySessions() > throttle.busySessions()) {
            sleep(POLL);
        }
    }

    private TableChecksum verify(ChangePlan plan)
            throws SQLException
    {
        TableChecksum before = TableChecksum.of(connection, WarehouseTables.quote(plan.table()));
        TableChecksum after = TableChecksum.of(connection, WarehouseTables.quote(shadowName(plan.table())));
        if (!before.equals(after)) {
            throw new AdvisorException(ErrorCode.WAREHOUSE_FAILURE,
                    "change %s: the copy of table %s does not match it (table: %s; copy: %s), so the table keeps its design; was it written during the change?"
                            .formatted(plan.changeId(), plan.table(), before, after));
        }
        return after;
    }

    /**
     * Replaces the table's rows with the shadow's, in the shadow's order, and registers the target
     * design, in one transaction: other sessions see the old rows or the new, never a mix.
     */
    private void swap(ChangePlan plan)
            throws SQLException
    {
        String table = WarehouseTables.quote(plan.table());
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            tables.execute("DELETE FROM " + table);
            tables.execute("INSERT INTO %s SELECT * FROM %s ORDER BY _ROWID_".formatted(table, WarehouseTables.quote(shadowName(plan.table()))));
            tables.register(plan.table(), new DesignComment(plan.changeId(), plan.to()));
            hook.reached(Step.ROWS_REPLACED);
            connection.commit();
        }
        catch (Throwable e) {
            // before autocommit is restored, which would commit whatever the transaction holds
            connection.rollback();
            throw e;
        }
        finally {
            connection.setAutoCommit(autoCommit);
        }
        tables.flush();
    }

    /** After the swap committed: the comment, the repository's design, the shadow. Idempotent. */
    private void finish(String changeId, String table, DesignComment design)
            throws SQLException
    {
        if (!tables.designComment(table).equals(Optional.of(design))) {
            tables.comment(table, design.json());
            tables.flush();
        }
        hook.reached(Step.COMMENTED);
        if (!repository.design().table(table).equals(design.design())) {
            repository.saveDesign(table, design.design());
            repository.flush();
        }
        hook.reached(Step.DESIGN_SAVED);
        tables.dropTable(shadowName(table));
        tables.flush();
        hook.reached(Step.SHADOW_DROPPED);
    }

    /**
     * Ends a change that did not finish, from the registry (see the class comment).
     *
     * @param from the table's design before the change
     * @param rollback the state to journal when the change is undone: {@link ChangeState#FAILED}
     *         for a failure in this process, {@link ChangeState#ROLLED_BACK} for one found after a crash
     * @return {@link ChangeState#DONE} when the change was rolled forward, else {@code rollback}
     */
    private ChangeState settle(String changeId, String table, TableDesign from, ChangeState rollback, String message)
            throws SQLException
    {
        Optional<DesignComment> registered = tables.registered(table);
        if (registered.isPresent() && registered.get().changeId().equals(changeId)) {
            finish(changeId, table, registered.get());
            discardBackup();
            journal(ChangeState.DONE, changeId, table, Map.of(ChangeLog.DETAIL_MESSAGE, message + ": the swap had committed, rolled forward"));
            return ChangeState.DONE;
        }
        tables.dropTable(shadowName(table));
        tables.flush();
        if (registered.isPresent()) {
            // an earlier change's design, which that change's own finish wrote everywhere
            finish(registered.get().changeId(), table, registered.get());
        }
        else if (!repository.design().table(table).equals(from)) {
            // only after a restored backup: the repository saved the target design, the restored table has the old rows
            repository.saveDesign(table, from);
            repository.flush();
        }
        discardBackup();
        journal(rollback, changeId, table, Map.of(ChangeLog.DETAIL_MESSAGE, message));
        return rollback;
    }

    /**
     * The table must have the rows it had when the change began, whether the swap committed or not.
     * It does not when H2 opened an older state of the warehouse after the crash without an error
     * (seen once in a kill harness outside the project, and by overwriting a chunk by hand): then
     * nothing is touched, the change stays unresolved, the backup stays, and the message says how to
     * put it back.
     */
    private void checkRowsKept(ChangeRecord change)
            throws SQLException
    {
        if (change.rows().isEmpty() || !tables.exists(change.table())) {
            return;
        }
        long rows = tables.rowCount(change.table());
        if (rows == change.rows().getAsLong()) {
            return;
        }
        String remedy = backup.exists()
                ? ("stop every autotable process using the workspace, move %s aside and unzip %s into %s (it holds %s as it was when the change began); "
                        + "the next start then rolls the change back").formatted(backup.file().resolveSibling(Workspace.WAREHOUSE_NAME + ".mv.db"), backup.file(),
                        backup.file().getParent(), Workspace.WAREHOUSE_NAME + ".mv.db")
                : "restore the workspace from your own backup";
        throw new AdvisorException(ErrorCode.DATABASE_CORRUPT,
                "change %s of table %s: the table has %d rows but had %d when the change began: after the crash H2 opened an older state of the warehouse. Nothing was changed; %s"
                        .formatted(change.changeId(), change.table(), rows, change.rows().getAsLong(), remedy));
    }

    private void takeBackup()
    {
        try {
            backup.take(connection);
        }
        catch (SQLException | IOException e) {
            throw new AdvisorException(ErrorCode.WAREHOUSE_FAILURE,
                    "cannot back the warehouse up to %s before the change (free disk space for a copy of %s): %s"
                            .formatted(backup.file(), Workspace.WAREHOUSE_NAME + ".mv.db", e.getMessage()), e);
        }
    }

    private void discardBackup()
    {
        try {
            backup.discard();
        }
        catch (IOException e) {
            throw new AdvisorException(ErrorCode.WAREHOUSE_FAILURE, "cannot delete the backup %s: %s".formatted(backup.file(), e.getMessage()), e);
        }
    }

    private Optional<String> restoreNote()
    {
        try {
            return backup.takeRestoreNote();
        }
        catch (IOException e) {
            return Optional.of("the warehouse was restored from its backup (the note about it could not be read: %s)".formatted(e.getMessage()));
        }
    }

    private void dropOrphans()
            throws SQLException
    {
        for (String orphan : tables.tablesStartingWith(SHADOW_PREFIX)) {
            tables.dropTable(orphan);
            tables.flush();
        }
    }

    private void journal(ChangeState state, String changeId, String table, Map<String, Object> detail)
    {
        Map<String, Object> fields = new LinkedHashMap<>(detail);
        fields.put(ChangeLog.DETAIL_CHANGE_ID, changeId);
        repository.appendJournal(JournalEntry.of(state.action(), Optional.of(table), Json.write(fields)));
        repository.flush();
    }

    private static void sleep(Duration duration)
    {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdvisorException(ErrorCode.INTERRUPTED, "interrupted while rewriting a table");
        }
    }

    private static AdvisorException warehouseFailure(ChangePlan plan, String what, Exception e)
    {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        if (e instanceof AutotableException autotable) {
            return new AdvisorException(autotable.errorCode(), "change %s of table %s: %s".formatted(plan.changeId(), plan.table(), message), e);
        }
        return new AdvisorException(ErrorCode.WAREHOUSE_FAILURE, "change %s of table %s: cannot %s: %s".formatted(plan.changeId(), plan.table(), what, message), e);
    }
}
