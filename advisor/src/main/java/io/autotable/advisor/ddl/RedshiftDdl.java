package io.autotable.advisor.ddl;

import io.autotable.advisor.DdlDialect;
import io.autotable.advisor.Recommendation;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;

import java.util.List;

/**
 * Amazon Redshift's {@code ALTER TABLE} forms (AWS's ALTER TABLE reference):
 * {@code ALTER DISTSTYLE KEY DISTKEY c}, {@code ALTER DISTSTYLE ALL|EVEN},
 * {@code ALTER COMPOUND SORTKEY (a, b)}, {@code ALTER SORTKEY NONE}, and several
 * {@code ALTER COLUMN c ENCODE e} in one statement. Redshift cannot alter an interleaved sort key in
 * place, to or from one, so that change is a deep copy: a new table {@code LIKE} the old one with
 * the new sort key, an {@code INSERT ... SELECT}, and a swap of names.
 */
public final class RedshiftDdl
        implements DdlDialect
{
    @Override
    public String name()
    {
        return "redshift";
    }

    @Override
    public List<String> statements(String table, Recommendation.Kind kind, TableDesign before, TableDesign after)
    {
        return switch (kind) {
            case DISTRIBUTION -> AlterStatements.distribution(table, before, after);
            case ENCODING -> AlterStatements.encodings(table, before, after);
            case SORTKEY -> {
                boolean interleaved = before.sortStyle() == SortStyle.INTERLEAVED || after.sortStyle() == SortStyle.INTERLEAVED;
                if (!interleaved || AlterStatements.sameSortKey(before, after)) {
                    yield AlterStatements.sortKey(table, before, after);
                }
                String copy = table + "_autotable_new";
                String old = table + "_autotable_old";
                String sortKey = after.sortStyle() == SortStyle.NONE ? "" : " " + after.sortStyle().name() + " SORTKEY (" + String.join(", ", after.sortkey()) + ")";
                yield List.of(
                        "CREATE TABLE " + copy + " (LIKE " + table + ")" + sortKey + ";",
                        "INSERT INTO " + copy + " SELECT * FROM " + table + ";",
                        "ALTER TABLE " + table + " RENAME TO " + old + ";",
                        "ALTER TABLE " + copy + " RENAME TO " + table + ";",
                        "DROP TABLE " + old + ";");
            }
        };
    }
}
