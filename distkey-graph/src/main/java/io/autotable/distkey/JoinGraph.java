package io.autotable.distkey;

import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.WeightedMultigraph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The join multigraph of a workload: vertices are tables, each edge a {@link JoinEdge} (a join on
 * one or more alternative column pairs) weighted by what colocating it saves. Tables may be joined by
 * several parallel edges, one per distinct set of column pairs; a table joined with itself has no
 * edge, as its distribution key colocates such a join whatever it is (Parchas et al., VLDB 2020,
 * model the same way).
 * <p>
 * Immutable: the JGraphT view {@link #graph()} cannot be modified.
 */
public final class JoinGraph
{
    private static final Comparator<JoinEdge> EDGE_ORDER = Comparator.comparing(JoinEdge::tableA)
            .thenComparing(JoinEdge::tableB)
            .thenComparing(JoinEdge::pairs, JoinGraph::comparePairs);

    private final Graph<String, JoinEdge> graph;
    private final List<String> tables;
    private final List<JoinEdge> edges;
    private final Map<String, List<String>> candidateColumns;
    private final double totalWeight;

    private JoinGraph(Collection<String> isolatedTables, Collection<JoinEdge> joinEdges)
    {
        Map<String, JoinEdge> merged = new LinkedHashMap<>();
        for (JoinEdge edge : joinEdges) {
            requireNonNull(edge, "edge is null");
            if (edge.isSelfJoin()) {
                continue;
            }
            merged.merge(edge.tableA() + "\0" + edge.tableB() + "\0" + edge.pairs(), edge, JoinEdge::merge);
        }
        List<JoinEdge> sorted = new ArrayList<>(merged.values());
        sorted.sort(EDGE_ORDER);
        this.edges = List.copyOf(sorted);

        TreeSet<String> vertices = new TreeSet<>(isolatedTables);
        Map<String, TreeSet<String>> columns = new TreeMap<>();
        double total = 0;
        for (JoinEdge edge : edges) {
            vertices.add(edge.tableA());
            vertices.add(edge.tableB());
            for (JoinEdge.ColumnPair pair : edge.pairs()) {
                columns.computeIfAbsent(edge.tableA(), ignored -> new TreeSet<>()).add(pair.columnA());
                columns.computeIfAbsent(edge.tableB(), ignored -> new TreeSet<>()).add(pair.columnB());
            }
            total += edge.weight();
        }
        this.tables = List.copyOf(vertices);
        Map<String, List<String>> candidates = new TreeMap<>();
        for (String table : tables) {
            candidates.put(table, List.copyOf(columns.getOrDefault(table, new TreeSet<>())));
        }
        this.candidateColumns = candidates;
        this.totalWeight = total;

        WeightedMultigraph<String, JoinEdge> multigraph = new WeightedMultigraph<>(JoinEdge.class);
        tables.forEach(multigraph::addVertex);
        for (JoinEdge edge : edges) {
            multigraph.addEdge(edge.tableA(), edge.tableB(), edge);
            multigraph.setEdgeWeight(edge, edge.weight());
        }
        this.graph = new AsUnmodifiableGraph<>(multigraph);
    }

    /** Lexicographic, a prefix first: a single pair before the composite joins it begins. */
    private static int comparePairs(List<JoinEdge.ColumnPair> left, List<JoinEdge.ColumnPair> right)
    {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int byColumnA = left.get(i).columnA().compareTo(right.get(i).columnA());
            if (byColumnA != 0) {
                return byColumnA;
            }
            int byColumnB = left.get(i).columnB().compareTo(right.get(i).columnB());
            if (byColumnB != 0) {
                return byColumnB;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    /**
     * The graph of these edges: edges on the same two tables and the same column pairs are merged
     * (weights summed), self joins dropped.
     */
    public static JoinGraph of(Collection<JoinEdge> edges)
    {
        return new JoinGraph(List.of(), requireNonNull(edges, "edges is null"));
    }

    /** The graph of these edges plus tables that join nothing (they get no key). */
    public static JoinGraph of(Collection<String> tables, Collection<JoinEdge> edges)
    {
        return new JoinGraph(requireNonNull(tables, "tables is null"), requireNonNull(edges, "edges is null"));
    }

    /** An unmodifiable JGraphT view: tables as vertices, join edges weighted by {@link JoinEdge#weight()}. */
    public Graph<String, JoinEdge> graph()
    {
        return graph;
    }

    /** The tables, sorted. */
    public List<String> tables()
    {
        return tables;
    }

    /** The edges, sorted by tables then pairs. */
    public List<JoinEdge> edges()
    {
        return edges;
    }

    /** The columns of {@code table} that appear in one of its joins, sorted: its only useful keys. */
    public List<String> candidateColumns(String table)
    {
        List<String> columns = candidateColumns.get(table);
        if (columns == null) {
            throw DistKeyException.invalid("table %s is not in the join graph", table);
        }
        return columns;
    }

    public double totalWeight()
    {
        return totalWeight;
    }

    /** The weight of the edges these keys colocate; a table missing from {@code keys} has no key. */
    public double colocatedWeight(Map<String, Optional<String>> keys)
    {
        double total = 0;
        for (JoinEdge edge : edges) {
            if (edge.isColocatedBy(keys.getOrDefault(edge.tableA(), Optional.empty()), keys.getOrDefault(edge.tableB(), Optional.empty()))) {
                total += edge.weight();
            }
        }
        return total;
    }

    @Override
    public String toString()
    {
        return "JoinGraph[tables=" + tables.size() + ", edges=" + edges.size() + ", totalWeight=" + totalWeight + "]";
    }
}
