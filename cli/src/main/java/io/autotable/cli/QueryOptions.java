package io.autotable.cli;

import io.autotable.simulator.workload.BenchmarkQueries;
import io.autotable.simulator.workload.QuerySet;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code --benchmark} and {@code --queries}: the query templates a workload is run or generated from. */
final class QueryOptions
{
    @Option(names = "--benchmark", defaultValue = "tpch",
            description = "The benchmark: tpch or ssb (templates shipped with autotable), or tpcds (needs --queries) (default: ${DEFAULT-VALUE}).")
    String benchmark;

    @Option(names = "--queries", arity = "1..*", paramLabel = "FILE_OR_DIR",
            description = "SQL files (a directory: its *.sql files), one template each, instead of the shipped templates; their literals are varied per run.")
    List<Path> queries = List.of();

    QuerySet querySet()
    {
        return queries.isEmpty() ? BenchmarkQueries.forBenchmark(benchmark) : BenchmarkQueries.fromFiles(benchmark, queries);
    }

    /** Says where the templates come from and which were not used or are never varied: problems on {@code err}, the rest on {@code out}. */
    static void describe(QuerySet querySet, List<Path> queries, PrintWriter out, PrintWriter err)
    {
        querySet.problems().forEach(problem -> err.printf(Locale.ROOT, "autotable: not used: %s%n", problem));
        err.flush();
        int templates = querySet.templates().size();
        if (queries.isEmpty()) {
            out.printf(Locale.ROOT, "Templates: the %d %s queries shipped with autotable, parameters varied per run%n", templates, querySet.benchmark());
        }
        else {
            int varied = templates - querySet.unvaried().size();
            out.printf(Locale.ROOT, "Templates: %d from %d query files in %s (%d not used), parameters varied in %d of them%s%n",
                    templates, templates + querySet.problems().size(), queries.stream().map(Path::toString).toList(), querySet.problems().size(), varied,
                    querySet.unvaried().isEmpty() ? "" : "; kept as written (no literal the rules vary): " + String.join(", ", querySet.unvaried()));
        }
        out.flush();
    }
}
