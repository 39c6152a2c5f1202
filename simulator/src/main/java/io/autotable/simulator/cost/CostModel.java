package io.autotable.simulator.cost;

import io.autotable.catalog.Catalog;
import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnStats;
import io.autotable.catalog.Table;
import io.autotable.design.DistStyle;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.layout.StorageLayout;
import io.autotable.workload.ColumnRef;
import io.autotable.workload.JoinPair;
import io.autotable.workload.JoinType;
import io.autotable.workload.Predicate;
import io.autotable.workload.QueryShape;
import io.autotable.workload.Write;
import io.autotable.workload.WriteKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The simulated cost of a query shape on a cluster whose tables have the given layouts.
 *
 * <ol>
 * <li><b>Scans</b>: each table read is scanned with {@link ZoneMapScan}: blocks of the referenced
 *     columns that survive the zone maps of its predicates ({@link KeyRanges}); its output rows are
 *     the table's rows times the predicates' {@link Selectivity}, at most the rows in surviving
 *     blocks. A table with no referenced column ({@code count(*)}) reads its first column.</li>
 * <li><b>Joins</b>: the equi-join pairs connect the tables; each connected group is joined
 *     greedily, starting from its biggest scan output, each time with the adjacent table whose
 *     join moves the fewest bytes (ties: the bigger table first). A join's movement is Redshift's:
 *     DS_DIST_ALL_NONE when the new table is ALL (or everything joined so far is); DS_DIST_NONE when
 *     the rows so far are hashed on a join column and the new table is KEY on its partner;
 *     otherwise the cheapest of DS_DIST_INNER (redistribute the new table), DS_DIST_OUTER
 *     (redistribute the rows so far), DS_BCAST_INNER (send the smaller side to every node:
 *     {@code bytes * (nodes - 1)}) and DS_DIST_BOTH. Redistributing a base table moves exactly the
 *     rows whose slice under hashing on the join column differs from their slice now (counted on
 *     the data, {@link StorageLayout#rowsMoved()}), times the scan's selectivity; redistributing
 *     joined rows moves {@code (S - 1) / S} of them. Bytes are rows times the raw width of the
 *     referenced columns. Groups that share no join pair (scalar subqueries) are costed apart,
 *     with no movement between them.</li>
 * <li><b>Aggregation</b>: a GROUP BY (or DISTINCT) on rows not hashed on a grouping column
 *     redistributes the partial groups ({@code min(rows, groups * S)}, {@code (S - 1) / S} of them).</li>
 * <li><b>Writes</b>: rows written (the rows the statement reads, or 1 for VALUES) times the
 *     table's row width, on every node for ALL.</li>
 * <li><b>Time</b>: the query overhead plus, for each step, its slowest slice: scan and decode
 *     rates for scans, the slice's share of its node's network for what it receives, the row rate
 *     for joins and aggregations.</li>
 * </ol>
 * Immutable and thread-safe.
 */
public final class CostModel
{
    private static final double AGGREGATE_BYTES = 8;

    private final ClusterModel cluster;
    private final Catalog catalog;
    private final Map<String, StorageLayout> layouts;

    public CostModel(ClusterModel cluster, Catalog catalog, Map<String, StorageLayout> layouts)
    {
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.layouts = Map.copyOf(requireNonNull(layouts, "layouts is null"));
    }

    public ClusterModel cluster()
    {
        return cluster;
    }

    public Map<String, StorageLayout> layouts()
    {
        return layouts;
    }

    /** A scanned table: what the scan step read and what it passes on. */
    private record Scan(String table, StorageLayout layout, double rows, double totalRows, double width, Set<ColumnRef> readColumns)
    {
        double fraction()
        {
            return totalRows == 0 ? 0 : rows / totalRows;
        }

        Set<ColumnRef> hashedOn()
        {
            return layout.design().distribution() == DistStyle.KEY ? Set.of(new ColumnRef(table, layout.design().distkey().orElseThrow())) : Set.of();
        }
    }

    /** Rows so far in a join: which tables, how many, how wide, where they are. */
    private static final class Relation
    {
        final Set<String> tables = new HashSet<>();
        double rows;
        double width;
        boolean replicated;
        Set<ColumnRef> hashedOn = Set.of();
        Scan base;
    }

    public QueryCost cost(QueryShape shape)
    {
        requireNonNull(shape, "shape is null");
        List<Step> steps = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<String, Scan> scans = new LinkedHashMap<>();
        boolean distributedJoin = false;
        for (String table : shape.tablesRead()) {
            StorageLayout layout = layouts.get(table);
            if (layout == null) {
                missing.add(table);
            }
            else if (!layout.replicated()) {
                distributedJoin = true;
            }
        }
        for (String table : shape.tablesRead()) {
            StorageLayout layout = layouts.get(table);
            if (layout != null) {
                scans.put(table, scan(shape, table, layout, distributedJoin, steps));
            }
        }

        List<Relation> groups = join(shape, scans, steps);
        aggregate(shape, groups, steps);
        write(shape, groups, steps);

        double seconds = cluster.queryOverheadSeconds();
        double scanned = 0;
        double moved = 0;
        double written = 0;
        for (Step step : steps) {
            seconds += step.seconds();
            scanned += step.bytesScanned();
            moved += step.bytesMoved();
            written += step.bytesWritten();
        }
        return new QueryCost(seconds, scanned, moved, written, steps, missing);
    }

    private Scan scan(QueryShape shape, String table, StorageLayout layout, boolean distributedJoin, List<Step> steps)
    {
        Table catalogTable = catalog.findTable(table).orElse(null);
        Map<String, List<Predicate>> byColumn = new TreeMap<>();
        for (Predicate predicate : shape.predicates()) {
            if (predicate.column().table().equals(table)) {
                byColumn.computeIfAbsent(predicate.column().column(), key -> new ArrayList<>()).add(predicate);
            }
        }
        List<Integer> filtered = new ArrayList<>();
        List<KeyRanges> ranges = new ArrayList<>();
        double selectivity = 1;
        for (Map.Entry<String, List<Predicate>> entry : byColumn.entrySet()) {
            int index = layout.columnIndex(entry.getKey());
            if (index < 0) {
                continue;
            }
            KeyRanges range = KeyRanges.forPredicates(layout.columns().get(index).type(), entry.getValue());
            if (!range.isAll()) {
                filtered.add(index);
                ranges.add(range);
            }
            Column column = catalogTable == null ? null : catalogTable.findColumn(entry.getKey()).orElse(null);
            if (column != null) {
                try {
                    selectivity *= Selectivity.of(column, entry.getValue(), range);
                }
                catch (RuntimeException e) {
                    // statistics that do not read as the column's type: no estimate from them
                    selectivity *= 0.3;
                }
            }
        }
        Set<ColumnRef> readRefs = new TreeSet<>();
        List<Integer> read = new ArrayList<>();
        for (ColumnRef column : shape.columns()) {
            if (column.table().equals(table)) {
                int index = layout.columnIndex(column.column());
                if (index >= 0) {
                    read.add(index);
                    readRefs.add(column);
                }
            }
        }
        if (read.isEmpty()) {
            read.add(0);
        }
        int[] filteredColumns = filtered.stream().mapToInt(Integer::intValue).toArray();
        ZoneMapScan.Result result = ZoneMapScan.scan(layout, filteredColumns, ranges.toArray(KeyRanges[]::new), read.stream().mapToInt(Integer::intValue).toArray());

        double scale = layout.rowsPerDataRow();
        double totalRows = layout.rows() * scale;
        double scannedRows = result.totalRows() * scale;
        double rows = Math.min(scannedRows, totalRows * selectivity);
        double width = 0;
        for (int index : read) {
            long columnRows = layout.rows();
            width += columnRows == 0 ? 0 : layout.columns().get(index).totalRawBytes() / (double) columnRows;
        }
        double maxSlice = 0;
        double sumSlice = 0;
        for (double seconds : result.sliceSeconds()) {
            maxSlice = Math.max(maxSlice, seconds);
            sumSlice += seconds;
        }
        // an ALL table joined with distributed ones is scanned on every node
        int copies = layout.replicated() && distributedJoin ? layout.copies() : 1;
        double skew = sumSlice == 0 ? 1 : maxSlice / (sumSlice / cluster.slices());
        steps.add(new Step(Step.Kind.SCAN, table + describeFilters(byColumn), Optional.empty(), rows, result.totalBlocksRead() * copies,
                result.blocksTotal() * copies, result.encodedBytes() * scale * copies, 0, 0, maxSlice, layout.replicated() ? 1 : skew));
        return new Scan(table, layout, rows, totalRows, width, readRefs);
    }

    private static String describeFilters(Map<String, List<Predicate>> byColumn)
    {
        if (byColumn.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        byColumn.forEach((column, predicates) -> predicates.forEach(predicate -> parts.add(column + " " + predicate.operator().name().toLowerCase(Locale.ROOT)
                + (predicate.values().isEmpty() ? "" : " " + String.join(",", predicate.values().subList(0, Math.min(3, predicate.values().size())))))));
        String text = String.join(" and ", parts);
        return " (" + (text.length() > 60 ? text.substring(0, 57) + "..." : text) + ")";
    }

    private List<Relation> join(QueryShape shape, Map<String, Scan> scans, List<Step> steps)
    {
        List<JoinPair> pairs = new ArrayList<>();
        for (JoinPair pair : shape.joins()) {
            if (!pair.left().table().equals(pair.right().table()) && scans.containsKey(pair.left().table()) && scans.containsKey(pair.right().table())) {
                pairs.add(pair);
            }
        }
        Set<String> remaining = new LinkedHashSet<>(scans.keySet());
        List<Relation> groups = new ArrayList<>();
        while (!remaining.isEmpty()) {
            String start = null;
            for (String table : remaining) {
                if (start == null || bytes(scans.get(table)) > bytes(scans.get(start))) {
                    start = table;
                }
            }
            remaining.remove(start);
            Relation relation = new Relation();
            Scan first = scans.get(start);
            relation.tables.add(start);
            relation.rows = first.rows();
            relation.width = first.width();
            relation.replicated = first.layout().replicated();
            relation.hashedOn = first.hashedOn();
            relation.base = first;
            while (true) {
                Option best = null;
                for (String table : remaining) {
                    List<JoinPair> between = between(pairs, relation.tables, table);
                    if (between.isEmpty()) {
                        continue;
                    }
                    Option option = cheapest(relation, scans.get(table), between);
                    if (best == null || score(relation, option) < score(relation, best)
                            || (score(relation, option) == score(relation, best) && bytes(option.inner()) > bytes(best.inner()))) {
                        best = option;
                    }
                }
                if (best == null) {
                    break;
                }
                remaining.remove(best.inner().table());
                apply(relation, best, steps);
            }
            groups.add(relation);
        }
        groups.sort((a, b) -> Double.compare(b.rows * b.width, a.rows * a.width));
        return groups;
    }

    // what a join costs the rest of the plan: the bytes it moves and the bytes it leaves to carry on
    private double score(Relation relation, Option option)
    {
        return option.bytes() + joinedRows(relation.rows, option.inner(), option.pairs()) * (relation.width + option.inner().width());
    }

    private static double bytes(Scan scan)
    {
        return scan.rows() * scan.width();
    }

    // pairs oriented so that left is in the relation and right in the table
    private static List<JoinPair> between(List<JoinPair> pairs, Set<String> tables, String table)
    {
        List<JoinPair> between = new ArrayList<>();
        for (JoinPair pair : pairs) {
            if (tables.contains(pair.left().table()) && pair.right().table().equals(table)) {
                between.add(pair);
            }
            else if (tables.contains(pair.right().table()) && pair.left().table().equals(table)) {
                JoinType flipped = switch (pair.type()) {
                    case LEFT -> JoinType.RIGHT;
                    case RIGHT -> JoinType.LEFT;
                    default -> pair.type();
                };
                between.add(new JoinPair(pair.right(), pair.left(), flipped));
            }
        }
        return between;
    }

    /**
     * A way to join: its movement, bytes moved, the most bytes one slice receives, and where the
     * joined rows end up.
     */
    private record Option(Scan inner, JoinPair pair, List<JoinPair> pairs, Movement movement, double bytes, double maxSliceBytes, boolean replicated, Set<ColumnRef> hashedOn) {}

    private Option cheapest(Relation outer, Scan inner, List<JoinPair> pairs)
    {
        int slices = cluster.slices();
        JoinPair first = pairs.get(0);
        if (inner.layout().replicated()) {
            return new Option(inner, first, pairs, Movement.DS_DIST_ALL_NONE, 0, 0, outer.replicated, outer.hashedOn);
        }
        if (outer.replicated) {
            return new Option(inner, first, pairs, Movement.DS_DIST_ALL_NONE, 0, 0, false, inner.hashedOn());
        }
        Set<ColumnRef> innerHashed = inner.hashedOn();
        for (JoinPair pair : pairs) {
            if (outer.hashedOn.contains(pair.left()) && innerHashed.contains(pair.right())) {
                return new Option(inner, pair, pairs, Movement.DS_DIST_NONE, 0, 0, false, union(outer.hashedOn, Set.of(pair.right())));
            }
        }
        List<Option> options = new ArrayList<>();
        for (JoinPair pair : pairs) {
            double innerMoved = movedBytes(inner, pair.right().column());
            double innerSlice = maxSliceBytes(inner, pair.right().column());
            double outerMoved = outer.base != null ? movedBytes(outer.base, pair.left().column()) : outer.rows * outer.width * (slices - 1) / slices;
            double outerSlice = outer.base != null ? maxSliceBytes(outer.base, pair.left().column()) : outer.rows * outer.width / slices;
            if (outer.hashedOn.contains(pair.left())) {
                options.add(new Option(inner, pair, pairs, Movement.DS_DIST_INNER, innerMoved, innerSlice, false, union(outer.hashedOn, Set.of(pair.right()))));
            }
            if (innerHashed.contains(pair.right())) {
                options.add(new Option(inner, pair, pairs, Movement.DS_DIST_OUTER, outerMoved, outerSlice, false, union(innerHashed, Set.of(pair.left()))));
            }
            options.add(new Option(inner, pair, pairs, Movement.DS_DIST_BOTH, innerMoved + outerMoved, innerSlice + outerSlice, false, Set.of(pair.left(), pair.right())));
        }
        double innerBytes = bytes(inner);
        double outerBytes = outer.rows * outer.width;
        double smaller = Math.min(innerBytes, outerBytes);
        // every node receives the other nodes' share of the broadcast side
        double broadcast = smaller * (cluster.nodes() - 1);
        double perSlice = smaller * (cluster.nodes() - 1) / cluster.nodes() / cluster.slicesPerNode();
        options.add(new Option(inner, first, pairs, Movement.DS_BCAST_INNER, broadcast, perSlice, false, innerBytes <= outerBytes ? outer.hashedOn : innerHashed));
        Option best = null;
        for (Option option : options) {
            if (best == null || option.bytes() < best.bytes()) {
                best = option;
            }
        }
        return best;
    }

    private static Set<ColumnRef> union(Set<ColumnRef> a, Set<ColumnRef> b)
    {
        Set<ColumnRef> union = new HashSet<>(a);
        union.addAll(b);
        return Set.copyOf(union);
    }

    // exactly the rows that change slice when the scanned table is hashed on the column, times its selectivity
    private double movedBytes(Scan scan, String column)
    {
        StorageLayout layout = scan.layout();
        int index = layout.columnIndex(column);
        if (index < 0 || layout.replicated()) {
            return scan.rows() * scan.width() * (cluster.slices() - 1) / cluster.slices();
        }
        return layout.rowsMoved()[index] * layout.rowsPerDataRow() * scan.fraction() * scan.width();
    }

    private double maxSliceBytes(Scan scan, String column)
    {
        StorageLayout layout = scan.layout();
        int index = layout.columnIndex(column);
        if (index < 0 || layout.replicated()) {
            return scan.rows() * scan.width() / cluster.slices();
        }
        long max = 0;
        for (long rows : layout.rowsByTargetSlice()[index]) {
            max = Math.max(max, rows);
        }
        return max * layout.rowsPerDataRow() * scan.fraction() * scan.width();
    }

    private void apply(Relation relation, Option option, List<Step> steps)
    {
        Scan inner = option.inner();
        JoinPair pair = option.pair();
        double outerRows = relation.rows;
        double joined = joinedRows(outerRows, inner, option.pairs());
        double network = option.maxSliceBytes() / cluster.sliceNetworkBytesPerSecond();
        double work = (outerRows + inner.rows()) / cluster.slices() / cluster.rowsPerSecond();
        List<String> conditions = new ArrayList<>();
        for (JoinPair each : option.pairs()) {
            conditions.add(each.left() + " = " + each.right());
        }
        steps.add(new Step(Step.Kind.JOIN, String.join(" and ", conditions) + (pair.type() == JoinType.INNER ? "" : " (" + pair.type().name().toLowerCase(Locale.ROOT) + ")"),
                Optional.of(option.movement()), joined, 0, 0, 0, option.bytes(), 0, network + work,
                option.bytes() == 0 ? 1 : option.maxSliceBytes() / Math.max(1e-9, option.bytes() / cluster.slices())));
        relation.tables.add(inner.table());
        relation.rows = joined;
        relation.width += inner.width();
        relation.replicated = option.replicated();
        relation.hashedOn = option.hashedOn();
        relation.base = null;
    }

    // the classic estimate |outer| |inner| / max(distinct), with the most selective of the pairs joining them
    private double joinedRows(double outerRows, Scan inner, List<JoinPair> pairs)
    {
        JoinPair first = pairs.get(0);
        if (first.type() == JoinType.SEMI || first.type() == JoinType.ANTI) {
            return outerRows;
        }
        double distinct = 0;
        for (JoinPair pair : pairs) {
            distinct = Math.max(distinct, Math.max(distinct(pair.left()), distinct(pair.right())));
        }
        double rows = distinct <= 0 ? Math.max(outerRows, inner.rows()) : outerRows * inner.rows() / distinct;
        rows = Math.min(rows, outerRows * Math.max(1, inner.rows()));
        return first.type() == JoinType.LEFT ? Math.max(rows, outerRows) : rows;
    }

    private double distinct(ColumnRef column)
    {
        return catalog.findTable(column.table())
                .flatMap(table -> table.findColumn(column.column()))
                .flatMap(Column::stats)
                .map(ColumnStats::distinct)
                .orElse(0L);
    }

    private void aggregate(QueryShape shape, List<Relation> groups, List<Step> steps)
    {
        if (groups.isEmpty() || (shape.groupBy().isEmpty() && !shape.distinct())) {
            return;
        }
        Relation relation = groups.get(0);
        List<ColumnRef> keys = new ArrayList<>();
        for (ColumnRef column : shape.groupBy()) {
            if (relation.tables.contains(column.table())) {
                keys.add(column);
            }
        }
        if (keys.isEmpty() && !shape.groupBy().isEmpty()) {
            return;
        }
        int slices = cluster.slices();
        double groupCount = 1;
        double width = AGGREGATE_BYTES * shape.aggregates().size();
        for (ColumnRef key : keys) {
            groupCount *= Math.max(1, distinct(key));
            width += averageWidth(key);
        }
        if (keys.isEmpty()) {
            // SELECT DISTINCT: every row is a group until proven otherwise
            groupCount = relation.rows;
            width = relation.width;
        }
        groupCount = Math.min(groupCount, relation.rows);
        boolean local = relation.replicated;
        for (ColumnRef key : keys) {
            local |= relation.hashedOn.contains(key);
        }
        double work = relation.rows / slices / cluster.rowsPerSecond();
        String description = keys.isEmpty() ? "distinct" : "group by " + keys;
        if (local) {
            steps.add(new Step(Step.Kind.AGGREGATE, description, Optional.of(Movement.DS_DIST_NONE), groupCount, 0, 0, 0, 0, 0, work, 1));
            return;
        }
        double partial = Math.min(relation.rows, groupCount * slices);
        double moved = partial * width * (slices - 1) / slices;
        double network = moved / slices / cluster.sliceNetworkBytesPerSecond();
        steps.add(new Step(Step.Kind.AGGREGATE, description, Optional.of(Movement.REDISTRIBUTE_AGGREGATE), groupCount, 0, 0, 0, moved, 0, work + network, 1));
    }

    private double averageWidth(ColumnRef column)
    {
        return catalog.findTable(column.table())
                .flatMap(table -> table.findColumn(column.column()))
                .flatMap(Column::stats)
                .map(ColumnStats::averageWidth)
                .orElse(8.0);
    }

    private void write(QueryShape shape, List<Relation> groups, List<Step> steps)
    {
        for (Write write : shape.writes()) {
            Optional<Table> table = catalog.findTable(write.table());
            StorageLayout layout = layouts.get(write.table());
            double width = 0;
            if (table.isPresent()) {
                for (Column column : table.get().columns()) {
                    width += column.stats().map(ColumnStats::averageWidth).orElse((double) column.type().maxWidth());
                }
            }
            double rows = groups.isEmpty() ? 1 : groups.get(0).rows;
            if (write.kind() == WriteKind.DELETE) {
                width = 8;
            }
            boolean replicated = layout != null && layout.replicated();
            double copies = replicated ? cluster.nodes() : 1;
            double bytes = rows * width * copies;
            // an ALL table is written on one slice per node; others on every slice
            double seconds = replicated ? rows * width / cluster.scanBytesPerSecond() : rows * width / cluster.slices() / cluster.scanBytesPerSecond();
            steps.add(new Step(Step.Kind.WRITE, write.kind().name().toLowerCase(Locale.ROOT) + " " + write.table(), Optional.empty(), rows, 0, 0, 0, 0, bytes, seconds, 1));
        }
    }
}
