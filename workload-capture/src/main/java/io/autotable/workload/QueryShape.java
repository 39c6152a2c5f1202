package io.autotable.workload;

import io.autotable.catalog.Identifiers;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a statement does to the tables, as the advisor needs it: the analysed query. Every column
 * is resolved to {@code table.column} against the catalog.
 *
 * @param kind the statement's kind
 * @param tablesRead tables the statement reads, sorted
 * @param writes tables the statement writes and how
 * @param columns every column the statement references, sorted
 * @param joins equi-join column pairs, from ON and WHERE
 * @param predicates filters of one column against literals
 * @param groupBy GROUP BY columns
 * @param orderBy ORDER BY columns
 * @param partitionBy window PARTITION BY columns
 * @param distinct whether a SELECT DISTINCT appears
 * @param aggregates aggregate function calls
 */
public record QueryShape(
        StatementKind kind,
        List<String> tablesRead,
        List<Write> writes,
        List<ColumnRef> columns,
        List<JoinPair> joins,
        List<Predicate> predicates,
        List<ColumnRef> groupBy,
        List<ColumnRef> orderBy,
        List<ColumnRef> partitionBy,
        boolean distinct,
        List<Aggregate> aggregates)
{
    public QueryShape
    {
        requireNonNull(kind, "kind is null");
        tablesRead = requireNonNull(tablesRead, "tablesRead is null").stream()
                .map(table -> Identifiers.normalize(table, "table"))
                .distinct()
                .sorted()
                .toList();
        writes = List.copyOf(requireNonNull(writes, "writes is null"));
        columns = requireNonNull(columns, "columns is null").stream().distinct().sorted().toList();
        joins = List.copyOf(requireNonNull(joins, "joins is null"));
        predicates = List.copyOf(requireNonNull(predicates, "predicates is null"));
        groupBy = List.copyOf(requireNonNull(groupBy, "groupBy is null"));
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        partitionBy = List.copyOf(requireNonNull(partitionBy, "partitionBy is null"));
        aggregates = List.copyOf(requireNonNull(aggregates, "aggregates is null"));
    }
}
