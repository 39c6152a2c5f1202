package io.autotable.simulator.workload.tpch;

import io.autotable.sql.SqlStatements;
import io.autotable.simulator.workload.QuerySet;
import io.autotable.simulator.workload.QueryTemplate;
import io.autotable.simulator.workload.Resources;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TPC-H's 22 queries as the {@code io.trino.tpch} generator ships them (validation parameters),
 * adapted where H2, the embedded warehouse's engine, needs it:
 * <ul>
 * <li>{@code decimal '0.06'} literals are written {@code 0.06};</li>
 * <li>{@code date('1994-01-01')} is written {@code DATE '1994-01-01'};</li>
 * <li>q19's join condition, which each of its OR branches repeats, is also stated outside them,
 *     as query optimizers derive it, so H2 does not join lineitem with part as a cross product.</li>
 * </ul>
 * None of these changes what a query reads, joins or filters. Parameters vary as
 * {@link TpchParameters} says; drift statements are {@link TpchDrift}'s.
 */
public final class TpchQueries
{
    public static final String BENCHMARK = "tpch";

    private static final Pattern DECIMAL_LITERAL = Pattern.compile("(?i)\\bdecimal\\s+'([-+0-9.]+)'");
    private static final Pattern DATE_FUNCTION = Pattern.compile("(?i)\\bdate\\s*\\(\\s*'(\\d{4}-\\d{2}-\\d{2})'\\s*\\)");
    private static final Pattern Q19_WHERE = Pattern.compile("(?i)\\bWHERE\\s*\\(");

    private TpchQueries() {}

    public static QuerySet querySet()
    {
        return QuerySet.shipped(BENCHMARK, templates(), new TpchParameters(), new TpchDrift());
    }

    public static List<QueryTemplate> templates()
    {
        List<QueryTemplate> templates = new ArrayList<>();
        for (int i = 1; i <= 22; i++) {
            String text = adaptForH2("q" + i, Resources.read("io/trino/tpch/queries/q" + i + ".sql"));
            templates.add(new QueryTemplate("q" + i, SqlStatements.split(text)));
        }
        return List.copyOf(templates);
    }

    static String adaptForH2(String name, String text)
    {
        String adapted = DECIMAL_LITERAL.matcher(text).replaceAll("$1");
        adapted = DATE_FUNCTION.matcher(adapted).replaceAll("DATE '$1'");
        if (name.equals("q19")) {
            Matcher where = Q19_WHERE.matcher(adapted);
            if (where.find()) {
                String rest = adapted.substring(where.end()).stripTrailing();
                boolean semicolon = rest.endsWith(";");
                rest = semicolon ? rest.substring(0, rest.length() - 1) : rest;
                adapted = adapted.substring(0, where.start()) + "WHERE p_partkey = l_partkey AND ((" + rest + ")" + (semicolon ? ";" : "") + "\n";
            }
        }
        return adapted;
    }
}
