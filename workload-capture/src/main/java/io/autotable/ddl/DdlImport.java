package io.autotable.ddl;

import io.autotable.catalog.Catalog;
import io.autotable.design.PhysicalDesign;
import io.autotable.error.CaptureException;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a DDL script declares. Apply it as one unit: it is complete or it was not returned.
 *
 * @param catalog the tables the script creates, with no data seen yet
 * @param design the declared physical design of every table in {@code catalog} (tables with no
 *         Redshift clauses get {@link io.autotable.design.TableDesign#initial()})
 * @param warnings one line each, naming source and line: clauses read approximately (DISTSTYLE AUTO
 *         as EVEN, SORTKEY AUTO as no sort key) and statements skipped for a reason worth knowing
 * @param statements the statements in the script, comments and empty statements not counted
 * @param skipped the statements that did not create a table (ALTER TABLE, COPY, CREATE TABLE AS, ...);
 *         {@code statements - skipped} is the number of tables in {@code catalog}
 */
public record DdlImport(Catalog catalog, PhysicalDesign design, List<String> warnings, int statements, int skipped)
{
    public DdlImport
    {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(design, "design is null");
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        if (skipped < 0 || skipped > statements) {
            throw CaptureException.invalid("skipped must be in 0..%d (statements), got %d", statements, skipped);
        }
        if (catalog.tables().size() != statements - skipped) {
            throw CaptureException.invalid("%d statements with %d skipped cannot have created %d tables", statements, skipped, catalog.tables().size());
        }
        for (String table : design.tables().keySet()) {
            design.tables().get(table).checkAgainst(catalog.table(table));
        }
    }
}
