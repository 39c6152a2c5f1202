package io.autotable.cli;

import io.autotable.catalog.Column;
import io.autotable.catalog.Table;
import io.autotable.simulator.load.CsvLoadListener;
import io.autotable.simulator.warehouse.TableLoad;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Shows a load's progress: a progress bar per table on a terminal, one line per finished table
 * otherwise (CI logs, pipes), so logs stay readable; for a CSV load, the columns before the rows.
 */
final class ConsoleLoadListener
        implements CsvLoadListener
{
    private final PrintWriter out;
    private final boolean bars;
    private ProgressBar bar;

    ConsoleLoadListener(PrintWriter out, boolean bars)
    {
        this.out = out;
        this.bars = bars;
    }

    /** Progress bars only where a person watches a terminal. */
    static ConsoleLoadListener forConsole(PrintWriter out, boolean progressWanted)
    {
        return new ConsoleLoadListener(out, progressWanted && System.console() != null);
    }

    @Override
    public void inferringTypes(Path firstFile)
    {
        out.printf(Locale.ROOT, "The catalog has no DDL for the table: reading the files once to infer its columns' types%n");
        out.flush();
    }

    @Override
    public void columnsChosen(Table table, boolean inferred, long rowsRead)
    {
        out.printf(Locale.ROOT, "Columns of %s, %s:%n", table.name(), inferred
                ? "inferred from %,d rows (to choose them yourself, import the table's DDL with 'autotable catalog import ddl FILE')".formatted(rowsRead)
                : "from the catalog");
        for (Column column : table.columns()) {
            out.printf(Locale.ROOT, "  %-32s %s%s%n", column.name(), column.type(), column.nullable() ? "" : " NOT NULL");
        }
        out.flush();
    }

    @Override
    public void tableStarted(String table, long expectedRows)
    {
        if (bars) {
            bar = new ProgressBarBuilder()
                    .setTaskName(String.format(Locale.ROOT, "%-22s", table))
                    .setInitialMax(Math.max(expectedRows, 1))
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" rows", 1)
                    .showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
                    .build();
        }
    }

    @Override
    public void rowsLoaded(String table, long rowsSoFar)
    {
        if (bar != null) {
            bar.stepTo(rowsSoFar);
        }
    }

    @Override
    public void expectedRowsRevised(String table, long expectedRows)
    {
        if (bar != null) {
            bar.maxHint(expectedRows);
        }
    }

    @Override
    public void tableFinished(TableLoad load)
    {
        if (bar != null) {
            bar.stepTo(load.rows());
            bar.maxHint(load.rows());
            bar.close();
            bar = null;
        }
        out.printf(Locale.ROOT, "  %-24s %,13d rows  %9s  %6.1f s%n", load.table(), load.rows(), Formats.bytes(load.sizeBytes()), load.elapsed().toMillis() / 1000.0);
        out.flush();
    }
}
