package io.autotable.distkey;

import io.autotable.catalog.Identifiers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One edge of the join multigraph: the joins of two tables on the same column pairs, weighted by
 * what colocating them saves.
 * <p>
 * A composite join ({@code a.x = b.y AND a.u = b.v} in one query) is one edge with several
 * {@link ColumnPair pairs}. A distribution key is a single column, and rows equal on every pair are
 * equal on each one, so hashing both tables on the two columns of <em>any one</em> pair puts every
 * matching row pair on the same slice: the pairs are alternatives, and the edge is colocated when
 * the keys of its two tables are the two sides of at least one of them.
 *
 * @param tableA the edge's first table (the smaller name: edges are stored in a canonical orientation)
 * @param tableB the edge's second table
 * @param pairs the alternative column pairs ({@code columnA} of {@code tableA}, {@code columnB} of
 *        {@code tableB}), sorted and distinct, never empty
 * @param weight what colocating the edge saves (bytes not moved, summed over the runs); finite, >= 0
 * @param queries fingerprints of the queries that make this join, heaviest first
 */
public record JoinEdge(String tableA, String tableB, List<ColumnPair> pairs, double weight, List<String> queries)
{
    private static final Comparator<ColumnPair> PAIR_ORDER = Comparator.comparing(ColumnPair::columnA).thenComparing(ColumnPair::columnB);

    public JoinEdge
    {
        tableA = Identifiers.normalize(tableA, "table");
        tableB = Identifiers.normalize(tableB, "table");
        requireNonNull(pairs, "pairs is null");
        queries = List.copyOf(requireNonNull(queries, "queries is null"));
        if (pairs.isEmpty()) {
            throw DistKeyException.invalid("join edge %s-%s has no column pairs", tableA, tableB);
        }
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw DistKeyException.invalid("join edge %s-%s: weight must be finite and >= 0, got %s", tableA, tableB, weight);
        }
        if (tableA.compareTo(tableB) > 0) {
            String table = tableA;
            tableA = tableB;
            tableB = table;
            pairs = pairs.stream().map(ColumnPair::flipped).toList();
        }
        pairs = pairs.stream().distinct().sorted(PAIR_ORDER).toList();
    }

    /** A single-column join {@code tableA.columnA = tableB.columnB}. */
    public static JoinEdge of(String tableA, String columnA, String tableB, String columnB, double weight)
    {
        return new JoinEdge(tableA, tableB, List.of(new ColumnPair(columnA, columnB)), weight, List.of());
    }

    /** Whether the edge joins a table with itself, which no distribution key can colocate or spoil. */
    public boolean isSelfJoin()
    {
        return tableA.equals(tableB);
    }

    /** Whether keys {@code keyA} of {@code tableA} and {@code keyB} of {@code tableB} colocate this edge. */
    public boolean isColocatedBy(Optional<String> keyA, Optional<String> keyB)
    {
        if (keyA.isEmpty() || keyB.isEmpty()) {
            return false;
        }
        for (ColumnPair pair : pairs) {
            if (pair.columnA().equals(keyA.get()) && pair.columnB().equals(keyB.get())) {
                return true;
            }
        }
        return false;
    }

    /** The same join with more weight and queries: the join seen in another query. */
    public JoinEdge merge(JoinEdge other)
    {
        if (!tableA.equals(other.tableA) || !tableB.equals(other.tableB) || !pairs.equals(other.pairs)) {
            throw DistKeyException.invalid("cannot merge join edges on different columns: %s and %s", this, other);
        }
        List<String> merged = new ArrayList<>(queries);
        other.queries.stream().filter(query -> !merged.contains(query)).forEach(merged::add);
        return new JoinEdge(tableA, tableB, pairs, weight + other.weight, merged);
    }

    /**
     * One way to colocate an edge: {@code columnA} of its first table and {@code columnB} of its second.
     */
    public record ColumnPair(String columnA, String columnB)
    {
        public ColumnPair
        {
            columnA = Identifiers.normalize(columnA, "column");
            columnB = Identifiers.normalize(columnB, "column");
        }

        public ColumnPair flipped()
        {
            return new ColumnPair(columnB, columnA);
        }
    }
}
