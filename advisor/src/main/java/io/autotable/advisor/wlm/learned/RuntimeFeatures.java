package io.autotable.advisor.wlm.learned;

import io.autotable.catalog.Catalog;
import io.autotable.catalog.Column;
import io.autotable.catalog.Table;
import io.autotable.design.DistStyle;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.TableDesign;
import io.autotable.simulator.cost.KeyRanges;
import io.autotable.simulator.cost.Selectivity;
import io.autotable.simulator.wlm.FingerprintHistory;
import io.autotable.simulator.wlm.LoggedRun;
import io.autotable.workload.JoinPair;
import io.autotable.workload.Predicate;
import io.autotable.workload.PredicateOperator;
import io.autotable.workload.QueryShape;
import io.autotable.workload.StatementKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A run's features for runtime prediction: the shape of its statement against the catalog and
 * the current design (tables and their sizes, rows left after the predicates' estimated
 * selectivity, joins by movement class, predicates, aggregates, grouping, sorting, whether it
 * writes) and what was known of its statement's earlier runs ({@link FingerprintHistory}). Sizes
 * and counts are on a log scale; a statement that was not analysed has only its history.
 */
public final class RuntimeFeatures
{
    public static final List<String> NAMES = List.of(
            "analysed",
            "tables",
            "logBytesRead",
            "logLargestTableRows",
            "logRowsAfterFilters",
            "joins",
            "joinsColocated",
            "joinsMoved",
            "predicates",
            "rangePredicates",
            "aggregates",
            "groupBy",
            "orderBy",
            "writes",
            "historyRuns",
            "historyMeanLogSeconds",
            "historyLastLogSeconds");

    static final int HISTORY_RUNS = NAMES.indexOf("historyRuns");
    static final int HISTORY_MEAN = NAMES.indexOf("historyMeanLogSeconds");

    private final Catalog catalog;
    private final PhysicalDesign design;

    public RuntimeFeatures(Catalog catalog, PhysicalDesign design)
    {
        this.catalog = catalog;
        this.design = design;
    }

    /** Features of every run, in order: history from the runs before each ({@link FingerprintHistory#of}). */
    public List<double[]> of(List<LoggedRun> runs)
    {
        List<FingerprintHistory.Known> history = FingerprintHistory.of(runs);
        Map<String, double[]> shapes = new TreeMap<>();
        List<double[]> features = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            LoggedRun run = runs.get(i);
            double[] shape = shapes.computeIfAbsent(run.fingerprint(), fingerprint -> shape(run.shape()));
            double[] row = new double[NAMES.size()];
            System.arraycopy(shape, 0, row, 0, shape.length);
            FingerprintHistory.Known known = history.get(i);
            row[shape.length] = Math.log1p(known.runs());
            row[shape.length + 1] = known.meanLogSeconds();
            row[shape.length + 2] = known.lastLogSeconds();
            features.add(row);
        }
        return features;
    }

    private double[] shape(Optional<QueryShape> analysed)
    {
        double[] values = new double[NAMES.size() - 3];
        if (analysed.isEmpty()) {
            return values;
        }
        QueryShape shape = analysed.get();
        double bytes = 0;
        double largest = 0;
        double filtered = 0;
        for (String name : shape.tablesRead()) {
            Optional<Table> table = catalog.findTable(name);
            if (table.isEmpty()) {
                continue;
            }
            bytes += table.get().sizeBytes();
            largest = Math.max(largest, table.get().rows());
            filtered += table.get().rows() * selectivity(table.get(), shape.predicates());
        }
        int colocated = 0;
        for (JoinPair join : shape.joins()) {
            if (colocated(join)) {
                colocated++;
            }
        }
        int ranges = 0;
        for (Predicate predicate : shape.predicates()) {
            PredicateOperator operator = predicate.operator();
            if (operator == PredicateOperator.BETWEEN || operator == PredicateOperator.LESS_THAN || operator == PredicateOperator.LESS_THAN_OR_EQUAL
                    || operator == PredicateOperator.GREATER_THAN || operator == PredicateOperator.GREATER_THAN_OR_EQUAL) {
                ranges++;
            }
        }
        values[0] = 1;
        values[1] = shape.tablesRead().size();
        values[2] = Math.log1p(bytes);
        values[3] = Math.log1p(largest);
        values[4] = Math.log1p(filtered);
        values[5] = shape.joins().size();
        values[6] = colocated;
        values[7] = shape.joins().size() - colocated;
        values[8] = shape.predicates().size();
        values[9] = ranges;
        values[10] = shape.aggregates().size();
        values[11] = shape.groupBy().size();
        values[12] = shape.orderBy().size();
        values[13] = shape.kind() == StatementKind.SELECT ? 0 : 1;
        return values;
    }

    // the share of a table's rows its predicates keep, from the columns' statistics
    private static double selectivity(Table table, List<Predicate> predicates)
    {
        Map<String, List<Predicate>> byColumn = new TreeMap<>();
        for (Predicate predicate : predicates) {
            if (predicate.column().table().equals(table.name())) {
                byColumn.computeIfAbsent(predicate.column().column(), column -> new ArrayList<>()).add(predicate);
            }
        }
        double fraction = 1;
        for (Map.Entry<String, List<Predicate>> entry : byColumn.entrySet()) {
            Optional<Column> column = table.findColumn(entry.getKey());
            if (column.isPresent()) {
                fraction *= Selectivity.of(column.get(), entry.getValue(), KeyRanges.all());
            }
        }
        return fraction;
    }

    // Redshift's DS_DIST_NONE (both sides distributed on the join's columns) or DS_DIST_ALL_NONE (a side copied to every node)
    private boolean colocated(JoinPair join)
    {
        TableDesign left = design.table(join.left().table());
        TableDesign right = design.table(join.right().table());
        if (left.distribution() == DistStyle.ALL || right.distribution() == DistStyle.ALL) {
            return true;
        }
        return left.distribution() == DistStyle.KEY && right.distribution() == DistStyle.KEY
                && left.distkey().equals(Optional.of(join.left().column())) && right.distkey().equals(Optional.of(join.right().column()));
    }
}
