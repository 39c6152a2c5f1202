package io.autotable.cli;

import io.autotable.catalog.Catalog;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.json.Json;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.workload.DriftScenario;
import io.autotable.simulator.workload.QuerySet;
import io.autotable.simulator.workload.WorkloadGenerator;
import io.autotable.simulator.workload.WorkloadMix;
import io.autotable.workload.QueryEvent;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.util.TablesNamesFinder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code autotable workload generate}: a seeded event log of a benchmark's queries, with drift, into the workspace or a JSONL file. */
@Command(mixinStandardHelpOptions = true, name = "generate",
        description = {
                "Write a seeded event log of a benchmark's queries without running them: a Zipf mix, a daily cycle, parameters varied per run,",
                "and optionally a drift scenario taking over part of the second half. The templates are autotable's (tpch, ssb) or SQL files (--queries).",
                "Events go into the workspace, or to a JSONL file (the format 'autotable import jsonl' reads) with --output."})
final class WorkloadGenerateCommand
        implements Callable<Integer>
{
    /** How many generated statements the check against the workspace's catalog parses at most. */
    private static final int STATEMENTS_CHECKED = 400;

    @Mixin
    WorkspaceOptions workspaceOptions;

    @Mixin
    QueryOptions queryOptions;

    @Option(names = "--days", defaultValue = "1", description = "Simulated days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--runs-per-day", defaultValue = "200", description = "Queries per simulated day (default: ${DEFAULT-VALUE}).")
    int runsPerDay;

    @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--first-day", defaultValue = "2026-01-05", description = "The first simulated day, yyyy-mm-dd (default: ${DEFAULT-VALUE}).")
    LocalDate firstDay;

    @Option(names = "--drift", defaultValue = "none", paramLabel = "SCENARIO",
            description = "none, new-join-path, filter-shift or heavy-writes for tpch; none, new-join-path or filter-shift for ssb; none for tpcds (default: ${DEFAULT-VALUE}).")
    String drift;

    @Option(names = "--mix", defaultValue = "zipf", paramLabel = "MIX",
            description = {"zipf: a Zipf mix around a daily peak, nothing ran (duration 0); bursty-dashboards: short dashboard queries in bursts",
                    "every 30 minutes next to long reports, each run with a seeded runtime, the workload 'advise --only wlm' tunes for (default: ${DEFAULT-VALUE})."})
    String mix;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the events as JSONL to FILE instead of the workspace.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        DriftScenario scenario = DriftScenario.parse(drift);
        QuerySet querySet = queryOptions.querySet();
        WorkloadMix workloadMix = WorkloadMix.parse(mix);
        List<QueryEvent> events = WorkloadGenerator.generate(querySet, days, runsPerDay, seed, firstDay, scenario, workloadMix);
        QueryOptions.describe(querySet, queryOptions.queries, out, spec.commandLine().getErr());
        long driftRuns = events.stream().filter(event -> event.user().equals(WorkloadGenerator.DRIFT_USER)).count();
        if (output != null) {
            writeJsonl(events, output);
            out.printf(Locale.ROOT, "Wrote %,d events (%d days x %d queries, seed %d, %s) to %s%n",
                    events.size(), days, runsPerDay, seed, describe(workloadMix, scenario, driftRuns), output);
        }
        else {
            try (WorkloadRepository repository = WorkloadRepository.open(workspaceOptions.workspace().createIfMissing())) {
                requireTemplatesFit(repository.catalog(), querySet, events, spec.commandLine().getErr());
                long added = repository.appendEvents(events);
                out.printf(Locale.ROOT, "Added %,d of %,d generated events (%d days x %d queries, seed %d, %s) to %s; it holds %,d events%n",
                        added, events.size(), days, runsPerDay, seed, describe(workloadMix, scenario, driftRuns), workspaceOptions.workspace().directory(), repository.eventCount());
            }
        }
        out.flush();
        return 0;
    }

    /**
     * Refuses a log most of whose statements read tables the workspace's catalog lacks: templates
     * of another benchmark (the default is tpch) would be stored, and every later command would
     * find little it could cost. When only some do, says which tables are missing. At most
     * {@link #STATEMENTS_CHECKED} statements, evenly spaced, are parsed: a long log would otherwise
     * spend many seconds on it.
     */
    private static void requireTemplatesFit(Catalog catalog, QuerySet querySet, List<QueryEvent> events, PrintWriter err)
    {
        if (catalog.tables().isEmpty() || events.isEmpty()) {
            return;
        }
        Set<String> known = catalog.tables().stream().map(table -> table.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        long misfits = 0;
        long checked = 0;
        int step = Math.max(1, (events.size() + STATEMENTS_CHECKED - 1) / STATEMENTS_CHECKED);
        for (int i = 0; i < events.size(); i += step) {
            Set<String> absent = tablesRead(events.get(i).sql()).stream().filter(table -> !known.contains(table)).collect(Collectors.toSet());
            missing.addAll(absent);
            misfits += absent.isEmpty() ? 0 : 1;
            checked++;
        }
        if (misfits * 2 > checked) {
            throw new CaptureException(ErrorCode.INVALID_ARGUMENT,
                    ("%,d of %,d generated statements checked (%s templates) read tables the workspace's catalog lacks (%s): nothing was added; "
                            + "choose the workspace's benchmark with --benchmark (tpch or ssb) or give its queries with --queries")
                            .formatted(misfits, checked, querySet.benchmark(), String.join(", ", missing)));
        }
        if (misfits > 0) {
            err.printf(Locale.ROOT, "warning: %,d of %,d statements checked read tables the workspace's catalog lacks (%s); later commands cannot cost them%n",
                    misfits, checked, String.join(", ", missing));
        }
    }

    /** The tables a statement reads, lower case without schema; none when it does not parse. */
    private static Set<String> tablesRead(String sql)
    {
        try {
            return TablesNamesFinder.findTables(sql).stream()
                    .map(name -> name.substring(name.lastIndexOf('.') + 1).replace("\"", "").toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());
        }
        catch (JSQLParserException | RuntimeException e) {
            return Set.of();
        }
    }

    private static String describe(WorkloadMix mix, DriftScenario scenario, long driftRuns)
    {
        if (mix != WorkloadMix.ZIPF) {
            return "mix " + mix.cliName();
        }
        return String.format(Locale.ROOT, "drift %s: %,d drifted", scenario.cliName(), driftRuns);
    }

    private static void writeJsonl(List<QueryEvent> events, Path file)
    {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (QueryEvent event : events) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("source", event.source());
                    line.put("id", event.id());
                    line.put("user", event.user());
                    line.put("start", event.start().toString());
                    line.put("durationMicros", event.durationMicros());
                    line.put("rows", event.rows());
                    line.put("sql", event.sql());
                    writer.write(Json.write(line));
                    writer.newLine();
                }
            }
        }
        catch (IOException e) {
            throw new CaptureException(ErrorCode.FILE_NOT_READABLE, "cannot write the event log to %s: %s".formatted(file, e.getMessage()), e);
        }
    }
}
