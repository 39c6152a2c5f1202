package io.autotable.distkey;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * A {@link JoinGraph} numbered for solvers' inner loops: tables are {@code 0..tables()-1} in the
 * graph's order, a table's candidate columns {@code 0..columns(t)-1} in
 * {@link JoinGraph#candidateColumns} order, and a key assignment is an {@code int[]} holding each
 * table's column index, or {@link #NO_KEY}. Edge {@code e} joins {@link #tableA}{@code [e]} and
 * {@link #tableB}{@code [e]}; its alternative column pairs are {@code alternatives(e)[2i]} (a column
 * of the first table) and {@code alternatives(e)[2i+1]} (of the second).
 */
public final class IndexedJoinGraph
{
    public static final int NO_KEY = -1;

    private final JoinGraph graph;
    private final String[] tableNames;
    private final String[][] columnNames;
    private final int[] tableA;
    private final int[] tableB;
    private final double[] weight;
    private final int[][] alternatives;
    private final int[][] incident;

    public IndexedJoinGraph(JoinGraph graph)
    {
        this.graph = requireNonNull(graph, "graph is null");
        List<String> tables = graph.tables();
        tableNames = tables.toArray(String[]::new);
        columnNames = new String[tableNames.length][];
        Map<String, Integer> tableIndex = new TreeMap<>();
        for (int t = 0; t < tableNames.length; t++) {
            tableIndex.put(tableNames[t], t);
            columnNames[t] = graph.candidateColumns(tableNames[t]).toArray(String[]::new);
        }
        List<JoinEdge> edges = graph.edges();
        int edgeCount = edges.size();
        tableA = new int[edgeCount];
        tableB = new int[edgeCount];
        weight = new double[edgeCount];
        alternatives = new int[edgeCount][];
        int[] degree = new int[tableNames.length];
        for (int e = 0; e < edgeCount; e++) {
            JoinEdge edge = edges.get(e);
            int a = tableIndex.get(edge.tableA());
            int b = tableIndex.get(edge.tableB());
            tableA[e] = a;
            tableB[e] = b;
            weight[e] = edge.weight();
            alternatives[e] = new int[edge.pairs().size() * 2];
            for (int i = 0; i < edge.pairs().size(); i++) {
                JoinEdge.ColumnPair pair = edge.pairs().get(i);
                alternatives[e][2 * i] = indexOf(columnNames[a], pair.columnA());
                alternatives[e][2 * i + 1] = indexOf(columnNames[b], pair.columnB());
            }
            degree[a]++;
            degree[b]++;
        }
        incident = new int[tableNames.length][];
        for (int t = 0; t < tableNames.length; t++) {
            incident[t] = new int[degree[t]];
            degree[t] = 0;
        }
        for (int e = 0; e < edgeCount; e++) {
            incident[tableA[e]][degree[tableA[e]]++] = e;
            incident[tableB[e]][degree[tableB[e]]++] = e;
        }
    }

    private static int indexOf(String[] names, String name)
    {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("column " + name + " is not a candidate");
    }

    public JoinGraph graph()
    {
        return graph;
    }

    public int tables()
    {
        return tableNames.length;
    }

    public int columns(int table)
    {
        return columnNames[table].length;
    }

    public int edges()
    {
        return weight.length;
    }

    public int tableA(int edge)
    {
        return tableA[edge];
    }

    public int tableB(int edge)
    {
        return tableB[edge];
    }

    public double weight(int edge)
    {
        return weight[edge];
    }

    /** The edge's alternative pairs, flattened: do not modify. */
    public int[] alternatives(int edge)
    {
        return alternatives[edge];
    }

    /** The edges of a table: do not modify. */
    public int[] incident(int table)
    {
        return incident[table];
    }

    /** The table at the other end of {@code edge} from {@code table}. */
    public int other(int edge, int table)
    {
        return tableA[edge] == table ? tableB[edge] : tableA[edge];
    }

    /** Whether keys {@code keyA} of the edge's first table and {@code keyB} of its second colocate it. */
    public boolean colocates(int edge, int keyA, int keyB)
    {
        if (keyA == NO_KEY || keyB == NO_KEY) {
            return false;
        }
        int[] pairs = alternatives[edge];
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i] == keyA && pairs[i + 1] == keyB) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code table} keyed on {@code column} can still colocate {@code edge} when the other
     * table's key is {@code otherKey} ({@link #NO_KEY} here meaning "not decided yet").
     */
    public boolean compatible(int edge, int table, int column, int otherKey, boolean otherDecided)
    {
        boolean isA = tableA[edge] == table;
        int[] pairs = alternatives[edge];
        for (int i = 0; i < pairs.length; i += 2) {
            int mine = isA ? pairs[i] : pairs[i + 1];
            int theirs = isA ? pairs[i + 1] : pairs[i];
            if (mine == column && (!otherDecided || theirs == otherKey)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any of the edge's pairs has {@code column} on {@code table}'s side. */
    public boolean touches(int edge, int table, int column)
    {
        return compatible(edge, table, column, NO_KEY, false);
    }

    public double totalWeight()
    {
        return graph.totalWeight();
    }

    public double colocatedWeight(int[] keys)
    {
        double total = 0;
        for (int e = 0; e < weight.length; e++) {
            if (colocates(e, keys[tableA[e]], keys[tableB[e]])) {
                total += weight[e];
            }
        }
        return total;
    }

    /** The weight {@code table} keyed on {@code column} colocates, given the other tables' keys. */
    public double gain(int[] keys, int table, int column)
    {
        double total = 0;
        for (int e : incident[table]) {
            int other = other(e, table);
            if (tableA[e] == table ? colocates(e, column, keys[other]) : colocates(e, keys[other], column)) {
                total += weight[e];
            }
        }
        return total;
    }

    /**
     * A cheap valid upper bound on any plan's colocated weight: give each edge to one of its tables
     * (its first, then its second; the smaller total wins), and let every table take the column that
     * touches the most weight among the edges it owns. A plan colocates an edge only if its owner's
     * key is on one of the edge's pairs, so no plan beats the sum. O(E a + sum of k), a the pairs per edge.
     */
    public double ownedBound()
    {
        return Math.min(Math.min(ownedBound(true), ownedBound(false)), totalWeight());
    }

    private double ownedBound(boolean ownedByA)
    {
        double[][] touching = new double[tableNames.length][];
        for (int t = 0; t < tableNames.length; t++) {
            touching[t] = new double[columnNames[t].length];
        }
        for (int e = 0; e < weight.length; e++) {
            int owner = ownedByA ? tableA[e] : tableB[e];
            int[] pairs = alternatives[e];
            // distinct pairs may share the owner's column: count the edge once per column
            for (int i = 0; i < pairs.length; i += 2) {
                int column = ownedByA ? pairs[i] : pairs[i + 1];
                boolean seen = false;
                for (int j = 0; j < i; j += 2) {
                    seen |= (ownedByA ? pairs[j] : pairs[j + 1]) == column;
                }
                if (!seen) {
                    touching[owner][column] += weight[e];
                }
            }
        }
        double bound = 0;
        for (double[] columns : touching) {
            double best = 0;
            for (double value : columns) {
                best = Math.max(best, value);
            }
            bound += best;
        }
        return bound;
    }

    /** An assignment as table names to column names, sorted by table. */
    public Map<String, Optional<String>> keys(int[] keys)
    {
        Map<String, Optional<String>> named = new TreeMap<>();
        for (int t = 0; t < tableNames.length; t++) {
            named.put(tableNames[t], keys[t] == NO_KEY ? Optional.empty() : Optional.of(columnNames[t][keys[t]]));
        }
        return Collections.unmodifiableMap(named);
    }
}
