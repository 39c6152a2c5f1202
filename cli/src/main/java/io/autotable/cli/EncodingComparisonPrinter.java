package io.autotable.cli;

import io.autotable.encoding.learned.ModelCard;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints encoding selectors' scores side by side, as {@code train encodings} and {@code bench encodings} report them. */
final class EncodingComparisonPrinter
{
    private EncodingComparisonPrinter() {}

    static void print(PrintWriter out, long oracleBytes, List<ModelCard.Score> scores)
    {
        out.printf(Locale.ROOT, "  %-18s %14s %9s %9s %9s %12s %9s%n", "selector", "total bytes", "vs oracle", "accuracy", "optimal", "selection", "speed-up");
        for (ModelCard.Score score : scores) {
            out.printf(Locale.ROOT, "  %-18s %,14d %+8.2f%% %8.1f%% %8.1f%% %9.1f ms %8.1fx%n",
                    score.selector(), score.totalBytes(), score.regret() * 100, score.accuracy() * 100, score.optimal() * 100,
                    score.selectionMillis(), score.speedup());
        }
        out.printf(Locale.ROOT, "  oracle: %,d bytes; speed-up is the exhaustive oracle's selection time over the selector's%n", oracleBytes);
    }
}
