package io.autotable.distkey;

import io.autotable.catalog.Catalog;
import io.autotable.catalog.Table;
import io.autotable.workload.JoinPair;
import io.autotable.workload.Predicate;
import io.autotable.workload.QueryGroup;
import io.autotable.workload.QueryShape;
import io.autotable.workload.Workload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a workload's {@link JoinGraph}. For every query group with a shape, the equi-join pairs
 * between two different tables are grouped by the two tables: one group is one join, a composite
 * one when it has several pairs (its pairs are alternatives, see {@link JoinEdge}), and becomes an
 * edge weighted by what colocating it saves:
 * <pre>
 *     weight = runs · cost.bytesMovedUnlessColocated(bytes(a), bytes(b))
 *     bytes(t) = size(t) · selectivity(the query's predicates on t)
 *     size(t) = sizeBytes if known, else rows · 8, else 1 (then weights rank joins by how often they run)
 * </pre>
 * (see {@link DistributionCostModel#bytesMovedUnlessColocated} and {@link Selectivity}). Edges on
 * the same two tables and the same pairs from different queries are one edge, their weights added.
 * Pairs within one table (self joins) are dropped: any key colocates them. Two separate joins of
 * the same two tables in one query (in two subqueries, say) cannot be told apart from a composite
 * join in a {@link QueryShape}, and are taken as one.
 */
public final class JoinGraphBuilder
{
    /** Bytes per row assumed when a table's size is unknown but its row count is not. */
    public static final int BYTES_PER_ROW_FALLBACK = 8;

    private JoinGraphBuilder() {}

    public static JoinGraph build(Workload workload, Catalog catalog, DistributionCostModel cost)
    {
        List<JoinEdge> edges = new ArrayList<>();
        // groups come heaviest first, so each edge's queries do too
        for (QueryGroup group : workload.groups()) {
            if (group.shape().isEmpty()) {
                continue;
            }
            QueryShape shape = group.shape().get();
            Map<List<String>, Set<JoinEdge.ColumnPair>> joins = new LinkedHashMap<>();
            for (JoinPair pair : shape.joins()) {
                JoinPair canonical = pair.canonical();
                if (canonical.left().table().equals(canonical.right().table())) {
                    continue;
                }
                joins.computeIfAbsent(List.of(canonical.left().table(), canonical.right().table()), ignored -> new LinkedHashSet<>())
                        .add(new JoinEdge.ColumnPair(canonical.left().column(), canonical.right().column()));
            }
            joins.forEach((pair, columns) -> {
                double bytesA = bytes(catalog, pair.get(0), shape.predicates());
                double bytesB = bytes(catalog, pair.get(1), shape.predicates());
                double weight = group.count() * cost.bytesMovedUnlessColocated(bytesA, bytesB);
                edges.add(new JoinEdge(pair.get(0), pair.get(1), List.copyOf(columns), weight, List.of(group.fingerprint())));
            });
        }
        return JoinGraph.of(edges);
    }

    /** The bytes of {@code table} a query with these predicates reads. */
    public static double bytes(Catalog catalog, String tableName, List<Predicate> predicates)
    {
        Optional<Table> table = catalog.findTable(tableName);
        List<Predicate> onTable = predicates.stream().filter(predicate -> predicate.column().table().equals(tableName)).toList();
        return size(table) * Selectivity.of(table, onTable);
    }

    private static double size(Optional<Table> table)
    {
        return table.flatMap(JoinGraphBuilder::knownSize).orElse(1.0);
    }

    /** A table's size in bytes: {@code sizeBytes} if known, else rows × {@value #BYTES_PER_ROW_FALLBACK}; empty when neither is. */
    public static Optional<Double> knownSize(Table table)
    {
        if (table.sizeBytes() > 0) {
            return Optional.of((double) table.sizeBytes());
        }
        if (table.rows() > 0) {
            return Optional.of((double) table.rows() * BYTES_PER_ROW_FALLBACK);
        }
        return Optional.empty();
    }
}
