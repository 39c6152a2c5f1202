package io.autotable.analysis;

import io.autotable.workload.ColumnRef;
import io.autotable.workload.JoinType;
import io.autotable.workload.PredicateOperator;
import io.autotable.workload.Workload;
import io.autotable.workload.WriteKind;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What a workload is, as {@code autotable analyze} reports it: how much of it was understood, which
 * tables it reads and writes, how it joins them and which columns it filters on.
 *
 * @param workloadFingerprint a hash of every statement's fingerprint and run count: two analyses
 *        with the same value read the same workload
 * @param statements events (runs) in the workload
 * @param distinctFingerprints distinct statements
 * @param parsed distinct statements that were analysed
 * @param unparsed distinct statements that were not, each with its reason
 * @param workload the statements grouped by fingerprint, heaviest first, with their shapes
 * @param tables tables the workload reads, by scan weight (runs × the table's bytes), heaviest first
 * @param joinEdges the join graph: one edge per equi-join column pair, by weight (runs), heaviest first
 * @param predicateColumns columns the workload filters on, by runs
 * @param writtenTables tables the workload writes, by runs
 */
public record WorkloadAnalysis(
        String workloadFingerprint,
        long statements,
        long distinctFingerprints,
        long parsed,
        List<Unparsed> unparsed,
        Workload workload,
        List<TableScans> tables,
        List<JoinEdge> joinEdges,
        List<PredicateColumn> predicateColumns,
        List<WrittenTable> writtenTables)
{
    public WorkloadAnalysis
    {
        requireNonNull(workloadFingerprint, "workloadFingerprint is null");
        unparsed = List.copyOf(requireNonNull(unparsed, "unparsed is null"));
        requireNonNull(workload, "workload is null");
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
        joinEdges = List.copyOf(requireNonNull(joinEdges, "joinEdges is null"));
        predicateColumns = List.copyOf(requireNonNull(predicateColumns, "predicateColumns is null"));
        writtenTables = List.copyOf(requireNonNull(writtenTables, "writtenTables is null"));
    }

    /** A distinct statement that could not be analysed: its runs, the reason and where. */
    public record Unparsed(String fingerprint, long runs, String reason, String sql)
    {
        public Unparsed
        {
            requireNonNull(fingerprint, "fingerprint is null");
            requireNonNull(reason, "reason is null");
            requireNonNull(sql, "sql is null");
        }
    }

    /**
     * @param runs runs of statements that read the table
     * @param scanWeight runs × the table's uncompressed bytes (runs alone when its size is unknown)
     */
    public record TableScans(String table, long runs, double scanWeight, long rows, long sizeBytes)
    {
        public TableScans
        {
            requireNonNull(table, "table is null");
        }
    }

    /**
     * One edge of the join graph.
     *
     * @param weight runs of the statements that make this join
     * @param seconds those runs' total duration
     * @param types the kinds of join it appears in
     * @param queries the fingerprints of the statements that make it, heaviest first
     */
    public record JoinEdge(ColumnRef left, ColumnRef right, long weight, double seconds, Set<JoinType> types, List<String> queries)
    {
        public JoinEdge
        {
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
            types = Set.copyOf(requireNonNull(types, "types is null"));
            queries = List.copyOf(requireNonNull(queries, "queries is null"));
        }
    }

    /** A filtered column, with the runs of statements filtering it and how they compare. */
    public record PredicateColumn(ColumnRef column, long runs, Set<PredicateOperator> operators)
    {
        public PredicateColumn
        {
            requireNonNull(column, "column is null");
            operators = Set.copyOf(requireNonNull(operators, "operators is null"));
        }
    }

    /** A written table, with the runs of statements writing it by kind of write. */
    public record WrittenTable(String table, long runs, Map<WriteKind, Long> byKind)
    {
        public WrittenTable
        {
            requireNonNull(table, "table is null");
            byKind = Map.copyOf(requireNonNull(byKind, "byKind is null"));
        }
    }
}
