package io.autotable.cli;

import io.autotable.simulator.warehouse.LoadListener;
import io.autotable.simulator.warehouse.TableLoad;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a load's progress: a progress bar per table on a terminal, one line per finished table
 * otherwise (CI logs, pipes), so logs stay readable.
 */
final class ConsoleLoadListener
        implements LoadListener
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
