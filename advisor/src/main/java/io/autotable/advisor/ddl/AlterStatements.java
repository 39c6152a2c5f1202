package io.autotable.advisor.ddl;

import io.autotable.design.DistStyle;
import io.autotable.design.Encoding;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The {@code ALTER TABLE} forms Redshift and the embedded warehouse share. */
final class AlterStatements
{
    private AlterStatements() {}

    static List<String> distribution(String table, TableDesign before, TableDesign after)
    {
        if (before.distribution() == after.distribution() && before.distkey().equals(after.distkey())) {
            return List.of();
        }
        String style = after.distribution() == DistStyle.KEY
                ? "KEY DISTKEY " + after.distkey().orElseThrow()
                : after.distribution().name();
        return List.of("ALTER TABLE " + table + " ALTER DISTSTYLE " + style + ";");
    }

    static boolean sameSortKey(TableDesign before, TableDesign after)
    {
        return before.sortStyle() == after.sortStyle() && before.sortkey().equals(after.sortkey());
    }

    static List<String> sortKey(String table, TableDesign before, TableDesign after)
    {
        if (sameSortKey(before, after)) {
            return List.of();
        }
        if (after.sortStyle() == SortStyle.NONE) {
            return List.of("ALTER TABLE " + table + " ALTER SORTKEY NONE;");
        }
        return List.of("ALTER TABLE " + table + " ALTER " + after.sortStyle().name() + " SORTKEY (" + String.join(", ", after.sortkey()) + ");");
    }

    static List<String> encodings(String table, TableDesign before, TableDesign after)
    {
        Set<String> columns = new TreeSet<>(before.encodings().keySet());
        columns.addAll(after.encodings().keySet());
        List<String> clauses = new ArrayList<>();
        for (String column : columns) {
            Encoding from = before.encoding(column);
            Encoding to = after.encoding(column);
            if (from != to) {
                clauses.add("ALTER COLUMN " + column + " ENCODE " + to.name().toLowerCase(Locale.ROOT));
            }
        }
        if (clauses.isEmpty()) {
            return List.of();
        }
        return List.of("ALTER TABLE " + table + " " + String.join(", ", clauses) + ";");
    }
}
