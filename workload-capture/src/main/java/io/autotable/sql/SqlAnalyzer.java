package io.autotable.sql;

import io.autotable.catalog.Catalog;

/**
 * Turns one SQL statement into its {@link io.autotable.workload.QueryShape}: the tables it reads
 * and writes, its columns resolved to {@code table.column} against a catalog, its equi-joins,
 * filters, groupings, orderings and aggregates.
 *
 * <p>Contract: {@link #analyze} never throws for any input string; a statement that does not
 * parse, or that the analyzer cannot handle, gives an {@link Analysis} with a {@link ParseError}.
 * Columns the catalog does not know are left out of the shape, not guessed.
 */
public interface SqlAnalyzer
{
    Analysis analyze(String sql, Catalog catalog, SqlDialect dialect);
}
