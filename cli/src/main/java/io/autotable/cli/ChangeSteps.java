package io.autotable.cli;

import io.autotable.advisor.apply.ChangePlan;
import io.autotable.advisor.apply.RewriteResult;
import io.autotable.advisor.apply.TableRewriter;
import io.autotable.advisor.apply.Throttle;
import io.autotable.design.Encoding;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.repository.WorkloadRepository;
import io.autotable.repository.Workspace;
import io.autotable.repository.WorkspaceLock;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * What {@code apply}, {@code rollback} and the daemon share about a table rewrite: the steps a
 * change goes through, as {@code apply --dry-run} prints them, its result, and running under the
 * workspace lock after recovering what a crash interrupted.
 */
final class ChangeSteps
{
    private ChangeSteps() {}

    /**
     * Runs work that changes the embedded warehouse's tables holding the workspace lock, so that
     * no load or other apply rewrites them meanwhile.
     */
    static <T> T withLock(Workspace workspace, String purpose, BiFunction<WorkloadRepository, EmbeddedWarehouse, T> work)
    {
        try (WorkspaceLock ignored = WorkspaceLock.acquire(workspace, purpose);
                WorkloadRepository repository = WorkloadRepository.openExisting(workspace);
                EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace)) {
            return work.apply(repository, warehouse);
        }
    }

    static long rows(EmbeddedWarehouse warehouse, String table)
    {
        try (Statement statement = warehouse.connection().createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM \"%s\"".formatted(table.replace("\"", "\"\"")))) {
            rs.next();
            return rs.getLong(1);
        }
        catch (SQLException e) {
            throw new CaptureException(ErrorCode.UNKNOWN_TABLE, "the embedded warehouse cannot count the rows of table %s: %s".formatted(table, e.getMessage()));
        }
    }

    /** The steps {@link TableRewriter#apply} takes for the plan, as a person checking it before reads them. */
    static void print(PrintWriter out, ChangePlan plan, long rows, Throttle throttle)
    {
        String order = plan.to().sortStyle() == SortStyle.NONE || plan.to().sortkey().isEmpty()
                ? "in load order"
                : "ordered by %s (%s sort key), ties in load order".formatted(String.join(", ", plan.to().sortkey()), plan.to().sortStyle().name().toLowerCase(Locale.ROOT));
        long batches = (rows + throttle.batchSize() - 1) / throttle.batchSize();
        out.printf(Locale.ROOT, "  Steps (each journaled as %s in the repository before the next begins):%n", plan.changeId());
        out.printf(Locale.ROOT, "    1. journal the plan (change-begin): %s from %s to %s%n", plan.table(), describe(plan.from()), describe(plan.to()));
        out.println("    2. back the whole warehouse up to warehouse.backup.zip in the workspace (H2's BACKUP TO): restored if H2 cannot reopen the file after a crash, deleted when the change ends");
        out.printf(Locale.ROOT, "    3. create the shadow table %s with the same columns%n", TableRewriter.shadowName(plan.table()));
        out.printf(Locale.ROOT, "    4. copy %,d rows into it %s, in %,d committed batch(es) of %,d rows, pausing %d ms and yielding while more than %d other statements run%n",
                rows, order, batches, throttle.batchSize(), throttle.pause().toMillis(), throttle.busySessions());
        out.println("    5. verify: the row count and an order-independent checksum of every row must match the table's, else stop and keep the old table");
        out.println("    6. swap, in one transaction: replace the table's rows with the shadow's and register the new design (queries see all old rows or all new)");
        out.println("    7. record the new design in the catalog, drop the shadow table (change-done)");
    }

    /** A table's whole design in one line: {@code DISTSTYLE KEY (o_custkey), COMPOUND SORTKEY (o_orderdate), 9 columns encoded}. */
    static String describe(TableDesign design)
    {
        String distribution = design.distkey().map(key -> "DISTSTYLE KEY (" + key + ")").orElse("DISTSTYLE " + design.distribution());
        String sort = design.sortStyle() == SortStyle.NONE || design.sortkey().isEmpty()
                ? "no sort key"
                : "%s SORTKEY (%s)".formatted(design.sortStyle(), String.join(", ", design.sortkey()));
        long encoded = design.encodings().values().stream().filter(encoding -> encoding != Encoding.RAW).count();
        return "%s, %s, %s".formatted(distribution, sort, encoded == 0 ? "no column encoded (RAW)" : encoded + " column(s) encoded");
    }

    static void printResult(PrintWriter out, RewriteResult result)
    {
        out.printf(Locale.ROOT, "  done: %,d rows, checksum %s verified; copy %.1f s, verify %.1f s, swap %.1f s, %.1f s in all%n", result.rows(), result.checksum().hex(),
                seconds(result.copy()), seconds(result.verify()), seconds(result.swap()), seconds(result.total()));
    }

    private static double seconds(Duration duration)
    {
        return duration.toNanos() / 1e9;
    }
}
