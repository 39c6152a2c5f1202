package io.autotable.analysis;

import io.autotable.catalog.Catalog;
import io.autotable.catalog.Table;
import io.autotable.repository.EventWindow;
import io.autotable.repository.FingerprintGroup;
import io.autotable.repository.WorkloadRepository;
import io.autotable.sql.Analysis;
import io.autotable.sql.SqlAnalyzer;
import io.autotable.sql.SqlDialect;
import io.autotable.workload.ColumnRef;
import io.autotable.workload.JoinPair;
import io.autotable.workload.JoinType;
import io.autotable.workload.Predicate;
import io.autotable.workload.PredicateOperator;
import io.autotable.workload.QueryGroup;
import io.autotable.workload.QueryShape;
import io.autotable.workload.Workload;
import io.autotable.workload.Write;
import io.autotable.workload.WriteKind;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Analyses a workspace's workload: groups its events by fingerprint, analyses each distinct
 * statement once against the catalog (storing the shape, or the reason it failed, in the
 * repository), and sums what the statements do, weighted by how often they ran.
 */
public final class WorkloadAnalyzer
{
    private final SqlAnalyzer analyzer;
    private final SqlDialect dialect;

    public WorkloadAnalyzer(SqlAnalyzer analyzer, SqlDialect dialect)
    {
        this.analyzer = requireNonNull(analyzer, "analyzer is null");
        this.dialect = requireNonNull(dialect, "dialect is null");
    }

    public WorkloadAnalysis analyze(WorkloadRepository repository)
    {
        return analyze(repository, EventWindow.all());
    }

    /** Analyses the events inside a window only: the daemon's sliding window of recent workload. */
    public WorkloadAnalysis analyze(WorkloadRepository repository, EventWindow window)
    {
        Catalog catalog = repository.catalog();
        List<FingerprintGroup> groups = repository.fingerprintGroups(window);
        List<QueryGroup> queryGroups = new ArrayList<>();
        List<WorkloadAnalysis.Unparsed> unparsed = new ArrayList<>();
        for (FingerprintGroup group : groups) {
            Analysis analysis = analyzer.analyze(group.sql(), catalog, dialect);
            Optional<String> reason = analysis.error().map(Object::toString);
            repository.saveShape(group.fingerprint(), analysis.shape(), reason);
            queryGroups.add(new QueryGroup(group.fingerprint(), group.runs(), group.totalMicros(), group.sql(), analysis.shape(), reason));
            reason.ifPresent(why -> unparsed.add(new WorkloadAnalysis.Unparsed(group.fingerprint(), group.runs(), why, group.sql())));
        }
        Workload workload = new Workload(queryGroups);
        long statements = workload.statements();
        return new WorkloadAnalysis(
                workloadFingerprint(groups),
                statements,
                groups.size(),
                groups.size() - unparsed.size(),
                unparsed,
                workload,
                tableScans(workload, catalog),
                joinEdges(workload),
                predicateColumns(workload),
                writtenTables(workload));
    }

    /** Stable across runs: sorted fingerprints with their run counts, hashed. */
    static String workloadFingerprint(List<FingerprintGroup> groups)
    {
        Map<String, Long> runs = new TreeMap<>();
        for (FingerprintGroup group : groups) {
            runs.put(group.fingerprint(), group.runs());
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            runs.forEach((fingerprint, count) -> digest.update((fingerprint + "=" + count + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static List<WorkloadAnalysis.TableScans> tableScans(Workload workload, Catalog catalog)
    {
        Map<String, Long> runs = new TreeMap<>();
        for (QueryGroup group : workload.groups()) {
            group.shape().ifPresent(shape -> shape.tablesRead().forEach(table -> runs.merge(table, group.count(), Long::sum)));
        }
        List<WorkloadAnalysis.TableScans> scans = new ArrayList<>();
        runs.forEach((table, count) -> {
            Optional<Table> known = catalog.findTable(table);
            long rows = known.map(Table::rows).orElse(0L);
            long bytes = known.map(Table::sizeBytes).orElse(0L);
            scans.add(new WorkloadAnalysis.TableScans(table, count, bytes > 0 ? (double) count * bytes : count, rows, bytes));
        });
        scans.sort(Comparator.comparingDouble(WorkloadAnalysis.TableScans::scanWeight).reversed().thenComparing(WorkloadAnalysis.TableScans::table));
        return scans;
    }

    private static List<WorkloadAnalysis.JoinEdge> joinEdges(Workload workload)
    {
        record Key(ColumnRef left, ColumnRef right) {}
        final class Edge
        {
            long weight;
            long micros;
            final Set<JoinType> types = EnumSet.noneOf(JoinType.class);
            final List<String> queries = new ArrayList<>();
        }
        Map<Key, Edge> edges = new LinkedHashMap<>();
        // groups come heaviest first, so each edge's queries do too
        for (QueryGroup group : workload.groups()) {
            if (group.shape().isEmpty()) {
                continue;
            }
            Set<Key> seen = new HashSet<>();
            for (JoinPair pair : group.shape().get().joins()) {
                JoinPair canonical = pair.canonical();
                Key key = new Key(canonical.left(), canonical.right());
                Edge edge = edges.computeIfAbsent(key, ignored -> new Edge());
                edge.types.add(canonical.type());
                // a statement that joins the same pair twice (a self-join in two subqueries) counts once
                if (seen.add(key)) {
                    edge.weight += group.count();
                    edge.micros += group.totalMicros();
                    edge.queries.add(group.fingerprint());
                }
            }
        }
        List<WorkloadAnalysis.JoinEdge> result = new ArrayList<>();
        edges.forEach((key, edge) -> result.add(new WorkloadAnalysis.JoinEdge(key.left(), key.right(), edge.weight, edge.micros / 1e6, edge.types, edge.queries)));
        result.sort(Comparator.comparingLong(WorkloadAnalysis.JoinEdge::weight).reversed()
                .thenComparing(WorkloadAnalysis.JoinEdge::left)
                .thenComparing(WorkloadAnalysis.JoinEdge::right));
        return result;
    }

    private static List<WorkloadAnalysis.PredicateColumn> predicateColumns(Workload workload)
    {
        Map<ColumnRef, Long> runs = new TreeMap<>();
        Map<ColumnRef, Set<PredicateOperator>> operators = new TreeMap<>();
        for (QueryGroup group : workload.groups()) {
            if (group.shape().isEmpty()) {
                continue;
            }
            Set<ColumnRef> seen = new HashSet<>();
            for (Predicate predicate : group.shape().get().predicates()) {
                operators.computeIfAbsent(predicate.column(), ignored -> EnumSet.noneOf(PredicateOperator.class)).add(predicate.operator());
                if (seen.add(predicate.column())) {
                    runs.merge(predicate.column(), group.count(), Long::sum);
                }
            }
        }
        List<WorkloadAnalysis.PredicateColumn> result = new ArrayList<>();
        runs.forEach((column, count) -> result.add(new WorkloadAnalysis.PredicateColumn(column, count, operators.get(column))));
        result.sort(Comparator.comparingLong(WorkloadAnalysis.PredicateColumn::runs).reversed().thenComparing(WorkloadAnalysis.PredicateColumn::column));
        return result;
    }

    private static List<WorkloadAnalysis.WrittenTable> writtenTables(Workload workload)
    {
        Map<String, Map<WriteKind, Long>> byTable = new TreeMap<>();
        for (QueryGroup group : workload.groups()) {
            if (group.shape().isEmpty()) {
                continue;
            }
            QueryShape shape = group.shape().get();
            for (Write write : shape.writes()) {
                byTable.computeIfAbsent(write.table(), ignored -> new EnumMap<>(WriteKind.class)).merge(write.kind(), group.count(), Long::sum);
            }
        }
        List<WorkloadAnalysis.WrittenTable> result = new ArrayList<>();
        byTable.forEach((table, kinds) -> result.add(new WorkloadAnalysis.WrittenTable(table, kinds.values().stream().mapToLong(Long::longValue).sum(), kinds)));
        result.sort(Comparator.comparingLong(WorkloadAnalysis.WrittenTable::runs).reversed().thenComparing(WorkloadAnalysis.WrittenTable::table));
        return result;
    }
}
