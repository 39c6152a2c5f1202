package io.autotable.simulator.workload;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a workload of one benchmark is built from: its query templates, how their parameters vary
 * per run, and its drift statements.
 *
 * @param benchmark the benchmark's name ({@code tpch}, {@code tpcds}, {@code ssb})
 * @param origin where the templates come from, as a generated log's source names it:
 *        {@code shipped} for autotable's own, {@code queries=FINGERPRINT} for query files
 * @param unvaried the templates whose parameters are never varied (run as written), by name
 * @param problems the query files that could not be used, each message naming its file; the
 *        templates are those of the other files
 */
public record QuerySet(
        String benchmark,
        String origin,
        List<QueryTemplate> templates,
        QueryParameters parameters,
        DriftStatements drift,
        List<String> unvaried,
        List<String> problems)
{
    public QuerySet
    {
        requireNonNull(benchmark, "benchmark is null");
        requireNonNull(origin, "origin is null");
        templates = List.copyOf(requireNonNull(templates, "templates is null"));
        requireNonNull(parameters, "parameters is null");
        requireNonNull(drift, "drift is null");
        unvaried = List.copyOf(requireNonNull(unvaried, "unvaried is null"));
        problems = List.copyOf(requireNonNull(problems, "problems is null"));
        if (templates.isEmpty()) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "a workload needs at least one query template");
        }
    }

    /** autotable's own templates of a benchmark, every one of them varied. */
    public static QuerySet shipped(String benchmark, List<QueryTemplate> templates, QueryParameters parameters, DriftStatements drift)
    {
        return new QuerySet(benchmark, "shipped", templates, parameters, drift, List.of(), List.of());
    }
}
