package io.autotable.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.autotable.distkey.DistributionAdvice;
import io.autotable.distkey.DistributionAdvice.Alternative;
import io.autotable.distkey.DistributionAdvice.LocalJoin;
import io.autotable.distkey.DistributionAdvice.TableAdvice;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code distribution} section of {@code advise}: the JSON record (field names are a documented
 * contract) and the text printer.
 */
final class DistributionReport
{
    private static final int ALTERNATIVES_SHOWN = 3;

    private DistributionReport() {}

    /** {@code distribution} in {@code advise --format json}. */
    record Section(
            String solver,
            boolean optimal,
            double colocatedWeight,
            double totalWeight,
            double upperBound,
            double allCopyBytes,
            double netSavedBytes,
            Current current,
            Cluster cluster,
            double days,
            double seconds,
            List<TableEntry> tables) {}

    record Current(double colocatedWeight, double allCopyBytes, double netSavedBytes) {}

    record Cluster(int nodes, int slicesPerNode, double maxSliceImbalance) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TableEntry(
            String table,
            String style,
            Optional<String> distkey,
            String currentStyle,
            Optional<String> currentDistkey,
            boolean changes,
            String reason,
            double bytesSavedPerDay,
            double allCopyBytes,
            Optional<Double> predictedImbalance,
            List<LocalJoin> joins,
            List<AlternativeEntry> alternatives) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AlternativeEntry(String style, Optional<String> distkey, double netSavedBytes, boolean recommended, boolean current, Optional<String> rejected) {}

    static Section section(DistributionAdvice advice)
    {
        return new Section(
                advice.solver(),
                advice.optimal(),
                advice.colocatedWeight(),
                advice.totalWeight(),
                advice.upperBound(),
                advice.allCopyBytes(),
                advice.netSavedBytes(),
                new Current(advice.current().colocatedWeight(), advice.current().allCopyBytes(), advice.current().netSavedBytes()),
                new Cluster(advice.cost().nodes(), advice.cost().slicesPerNode(), advice.cost().maxSliceImbalance()),
                advice.days(),
                advice.elapsed().toNanos() / 1e9,
                advice.tables().stream().map(DistributionReport::entry).toList());
    }

    private static TableEntry entry(TableAdvice table)
    {
        return new TableEntry(
                table.table(),
                table.recommended().style().name(),
                table.recommended().distkey(),
                table.current().style().name(),
                table.current().distkey(),
                table.changes(),
                table.reason(),
                table.bytesSavedPerDay(),
                table.allCopyBytes(),
                table.predictedImbalance(),
                table.joins(),
                table.alternatives().stream().map(DistributionReport::alternative).toList());
    }

    private static AlternativeEntry alternative(Alternative alternative)
    {
        return new AlternativeEntry(alternative.distribution().style().name(), alternative.distribution().distkey(), alternative.netSavedBytes(),
                alternative.recommended(), alternative.current(), alternative.rejected());
    }

    /** The report; {@code brief} stops after the table of recommendations. */
    static void printText(PrintWriter out, DistributionAdvice advice, boolean brief)
    {
        out.printf(Locale.ROOT, "Distribution: %d tables, %.1f day(s) of workload, a cluster of %d nodes x %d slices%n",
                advice.tables().size(), advice.days(), advice.cost().nodes(), advice.cost().slicesPerNode());
        if (advice.totalWeight() <= 0) {
            out.println("  The workload joins no two tables: nothing to colocate, every table stays EVEN.");
        }
        else {
            out.printf(Locale.ROOT, "  Joins made local: %s of the join weight (%s of %s moved over the workload); the current design: %s%n",
                    Formats.percent(advice.colocatedWeight() / advice.totalWeight()), bytes(advice.colocatedWeight()), bytes(advice.totalWeight()),
                    Formats.percent(advice.current().colocatedWeight() / advice.totalWeight()));
            out.printf(Locale.ROOT, "  Keys by %s, %s; advice took %d ms%n", advice.solver(),
                    advice.optimal() ? "proven optimal" : "not proven optimal (at most " + bytes(advice.upperBound() - advice.colocatedWeight()) + " from the bound)",
                    advice.elapsed().toMillis());
            if (advice.allCopyBytes() > 0) {
                out.printf(Locale.ROOT, "  ALL copies cost %s; net saving %s (the current design: %s)%n",
                        bytes(advice.allCopyBytes()), bytes(advice.netSavedBytes()), bytes(advice.current().netSavedBytes()));
            }
        }
        out.println();
        out.printf(Locale.ROOT, "  %-26s %-24s %-24s %12s%n", "table", "current", "recommended", "saved/day");
        for (TableAdvice table : advice.tables()) {
            out.printf(Locale.ROOT, "  %-26s %-24s %-24s %12s%n", table.table(), table.current(), (table.changes() ? "* " : "  ") + table.recommended(),
                    bytes(table.bytesSavedPerDay()));
        }
        if (brief) {
            return;
        }
        for (TableAdvice table : advice.tables()) {
            out.println();
            out.printf(Locale.ROOT, "  %s: %s%s%n", table.table(), table.recommended(), table.changes() ? " (now " + table.current() + ")" : " (unchanged)");
            out.printf(Locale.ROOT, "    why: %s%n", table.reason());
            for (LocalJoin join : table.joins()) {
                out.printf(Locale.ROOT, "    local join %-16s %s, %s over the workload, queries %s%n", join.movement(), join.on(), bytes(join.weight()),
                        String.join(" ", join.queries().stream().map(DistributionReport::shortFingerprint).toList()));
            }
            table.alternatives().stream()
                    .filter(alternative -> !alternative.recommended())
                    .limit(ALTERNATIVES_SHOWN)
                    .forEach(alternative -> out.printf(Locale.ROOT, "    instead %-22s saves %s less%s%s%n", alternative.distribution(),
                            bytes(table.alternatives().get(0).netSavedBytes() - alternative.netSavedBytes()),
                            alternative.current() ? " (current)" : "",
                            alternative.rejected().map(reason -> "; rejected, " + reason).orElse("")));
        }
    }

    private static String shortFingerprint(String fingerprint)
    {
        return fingerprint.length() > 12 ? fingerprint.substring(0, 12) : fingerprint;
    }

    private static String bytes(double bytes)
    {
        return bytes < 0 ? "-" + Formats.bytes(Math.round(-bytes)) : Formats.bytes(Math.round(bytes));
    }
}
