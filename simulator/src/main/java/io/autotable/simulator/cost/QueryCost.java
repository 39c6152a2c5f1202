package io.autotable.simulator.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A query's simulated cost under a design: its steps and their totals.
 *
 * @param steps scans first (one per table read), then joins in the order the simulator joins them, the aggregation, writes
 * @param missingTables tables the query reads that have no layout (not in the warehouse): not costed
 */
public record QueryCost(double seconds, double bytesScanned, double bytesMoved, double bytesWritten, List<Step> steps, List<String> missingTables)
{
    public QueryCost
    {
        steps = List.copyOf(requireNonNull(steps, "steps is null"));
        missingTables = List.copyOf(requireNonNull(missingTables, "missingTables is null"));
    }

    /** The data movements of the joins and aggregation, in plan order. */
    public List<Movement> movements()
    {
        List<Movement> movements = new ArrayList<>();
        for (Step step : steps) {
            step.movement().ifPresent(movements::add);
        }
        return movements;
    }

    /** The plan as text, one step a line, in the spirit of Redshift's EXPLAIN. */
    public String explain()
    {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "simulated %.4f s, scanned %s, moved %s%s%n", seconds, bytes(bytesScanned), bytes(bytesMoved),
                bytesWritten > 0 ? ", written " + bytes(bytesWritten) : ""));
        for (Step step : steps) {
            out.append(String.format(Locale.ROOT, "  %-9s %-16s %-60s rows %,.0f", step.kind(), step.movement().map(Enum::name).orElse(""), step.description(), step.rows()));
            if (step.kind() == Step.Kind.SCAN) {
                out.append(String.format(Locale.ROOT, "  blocks %,d/%,d  scanned %s", step.blocksRead(), step.blocksTotal(), bytes(step.bytesScanned())));
            }
            if (step.bytesMoved() > 0) {
                out.append("  moved ").append(bytes(step.bytesMoved()));
            }
            if (step.bytesWritten() > 0) {
                out.append("  written ").append(bytes(step.bytesWritten()));
            }
            out.append(String.format(Locale.ROOT, "  %.4f s  skew %.2f%n", step.seconds(), step.skew()));
        }
        for (String table : missingTables) {
            out.append("  (table ").append(table).append(" has no data in the warehouse: not costed)").append(System.lineSeparator());
        }
        return out.toString();
    }

    static String bytes(double bytes)
    {
        if (bytes < 1024) {
            return String.format(Locale.ROOT, "%.0f B", bytes);
        }
        String[] units = {"KB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
