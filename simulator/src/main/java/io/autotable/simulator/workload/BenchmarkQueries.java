package io.autotable.simulator.workload;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import io.autotable.sql.SqlStatements;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query templates autotable ships for its benchmarks, so a workload can be run without any
 * file beside the tool: TPC-H's 22 queries as the {@code io.trino.tpch} generator ships them
 * (validation parameters), adapted where H2, the embedded warehouse's engine, needs it:
 * <ul>
 * <li>{@code decimal '0.06'} literals are written {@code 0.06};</li>
 * <li>{@code date('1994-01-01')} is written {@code DATE '1994-01-01'};</li>
 * <li>q19's join condition, which each of its OR branches repeats, is also stated outside them,
 *     as query optimizers derive it, so H2 does not join lineitem with part as a cross product.</li>
 * </ul>
 * None of these changes what a query reads, joins or filters.
 */
public final class BenchmarkQueries
{
    public static final List<String> BENCHMARKS = List.of("tpch");

    private static final Pattern DECIMAL_LITERAL = Pattern.compile("(?i)\\bdecimal\\s+'([-+0-9.]+)'");
    private static final Pattern DATE_FUNCTION = Pattern.compile("(?i)\\bdate\\s*\\(\\s*'(\\d{4}-\\d{2}-\\d{2})'\\s*\\)");
    private static final Pattern Q19_WHERE = Pattern.compile("(?i)\\bWHERE\\s*\\(");

    private BenchmarkQueries() {}

    /**
     * @throws SimulatorException with {@link ErrorCode#UNKNOWN_BENCHMARK} for a benchmark without shipped queries
     */
    public static List<QueryTemplate> forBenchmark(String benchmark)
    {
        String name = benchmark.strip().toLowerCase(Locale.ROOT);
        if (!name.equals("tpch")) {
            throw new SimulatorException(ErrorCode.UNKNOWN_BENCHMARK,
                    "no shipped queries for benchmark '%s': workload run supports %s; import another benchmark's queries with 'autotable import sql FILE'"
                            .formatted(benchmark, String.join(", ", BENCHMARKS)));
        }
        List<QueryTemplate> templates = new ArrayList<>();
        for (int i = 1; i <= 22; i++) {
            String text = adaptForH2("q" + i, resource("io/trino/tpch/queries/q" + i + ".sql"));
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

    private static String resource(String path)
    {
        try (InputStream in = BenchmarkQueries.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new SimulatorException(ErrorCode.INTERNAL, "the query template " + path + " is missing from the autotable jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new SimulatorException(ErrorCode.INTERNAL, "cannot read the query template " + path, e);
        }
    }
}
