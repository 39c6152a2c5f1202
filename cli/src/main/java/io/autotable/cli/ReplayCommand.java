package io.autotable.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.autotable.AutotableVersion;
import io.autotable.analysis.WorkloadAnalysis;
import io.autotable.analysis.WorkloadAnalyzer;
import io.autotable.catalog.Table;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.json.Json;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.cost.CostModel;
import io.autotable.simulator.cost.Movement;
import io.autotable.simulator.cost.QueryCost;
import io.autotable.simulator.layout.StorageLayout;
import io.autotable.simulator.layout.WarehouseLayouts;
import io.autotable.simulator.replay.ReplayEvent;
import io.autotable.simulator.replay.ReplayResult;
import io.autotable.simulator.replay.WlmConfig;
import io.autotable.simulator.replay.WorkloadReplay;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;
import io.autotable.sql.SqlDialect;
import io.autotable.sql.calcite.CalciteSqlAnalyzer;
import io.autotable.workload.QueryGroup;
import io.autotable.workload.QueryShape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * {@code autotable replay}: replays the workspace's workload log, with its arrival times, on the
 * simulated cluster under one design or two side by side.
 */
@Command(mixinStandardHelpOptions = true, name = "replay",
        description = {
                "Replay the workspace's workload log on the simulated cluster under a design (or two side by side): bytes scanned and moved,",
                "simulated time per statement and in total, WLM queue waits and latency percentiles. A design is current, initial,",
                "recommended, or a FILE: Redshift DDL or the JSON of a physical design."})
final class ReplayCommand
        implements Callable<Integer>
{
    @Mixin
    WorkspaceOptions workspaceOptions;

    @Option(names = "--design", paramLabel = "DESIGN", defaultValue = "current", description = "current, initial, recommended or FILE (default: ${DEFAULT-VALUE}).")
    String design;

    @Option(names = "--compare", arity = "2..*", paramLabel = "DESIGN", description = "Two (or more) designs to replay side by side, in this order (instead of --design).")
    List<String> compare;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--chart", paramLabel = "FILE.png", description = "Write the charts (cost over time, per-statement seconds by design) to this PNG.")
    Path chart;

    @Option(names = "--explain", description = "Print each statement's simulated plan under each design.")
    boolean explain;

    @Option(names = "--default-encodings", description = {
            "Give the columns of DDL-file designs that declare no ENCODE the encodings Redshift would (AZ64 for numbers and dates,",
            "LZO for text, RAW for sort-key columns, booleans and floating point), instead of RAW."})
    boolean defaultEncodings;

    @Mixin
    LayoutOptions layoutOptions;


    @Option(names = "--wlm-queue", paramLabel = "NAME=SLOTS[:USER,...]",
            description = "A WLM queue, repeatable, in routing order; the last one without users is the default (default: one queue of 5 slots).")
    List<String> wlmQueues;

    @Option(names = "--concurrency-scaling", paramLabel = "N", defaultValue = "0", description = "Extra clusters for read-only queries that would wait (default: ${DEFAULT-VALUE}).")
    int scalingClusters;


    @Option(names = "--top", paramLabel = "N", defaultValue = "15", description = "Statements in the text report (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--dialect", paramLabel = "DIALECT", defaultValue = "redshift", description = "The SQL dialect of the statements (default: ${DEFAULT-VALUE}).")
    SqlDialect dialect;

    @Spec
    CommandSpec spec;

    /** The seam the advisor plugs into once it exists. */
    /** Where {@code recommended} comes from; tests may plug in their own. */
    Optional<DesignSource.Recommendations> recommendations = Optional.empty();

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Report(Provenance provenance, long runs, long simulatedRuns, Map<String, Long> notSimulated, List<DesignReport> designs, List<QueryReport> queries) {}

    record Provenance(String autotableVersion, String workspace, String workloadFingerprint, ClusterModel cluster, WlmConfig wlm, int maxRows) {}

    record DesignReport(String name, long runs, double totalSeconds, double bytesScanned, double bytesMoved, double bytesWritten,
            ReplayResult.Percentiles queueWaitSeconds, ReplayResult.Percentiles latencySeconds, long concurrencyScaled, Map<String, TableReport> tables) {}

    record TableReport(String distribution, String distkey, String sortStyle, List<String> sortkey, double encodedBytes, long blocks, double skew) {}

    record QueryReport(String fingerprint, long count, String sql, List<QueryDesign> designs) {}

    record QueryDesign(String name, double seconds, double secondsPerRun, double bytesScanned, double bytesMoved, List<Movement> movement, List<String> missingTables) {}

    @Override
    public Integer call()
    {
        PrintWriter out = spec.commandLine().getOut();
        List<String> specs = compare != null ? compare : List.of(design);
        ClusterModel model = layoutOptions.cluster();
        WlmConfig wlm = wlmConfig();
        if (top < 1) {
            throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "--top must be at least 1, got " + top);
        }
        try (WorkloadRepository repository = WorkloadRepository.openExisting(workspaceOptions.workspace());
                EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspaceOptions.workspace())) {
            List<DesignSource.Named> designs = new ArrayList<>();
            for (String source : specs) {
                designs.add(DesignSource.resolve(source, repository, recommendations.orElseGet(() -> new RecommendedDesign(model, warehouse, layoutOptions.maxRows())), defaultEncodings));
            }
            if (repository.eventCount() == 0) {
                throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "the workspace %s has no workload to replay: run 'autotable workload generate', 'autotable workload run' or 'autotable import' first"
                        .formatted(workspaceOptions.workspace().directory()));
            }
            WorkloadAnalysis analysis = new WorkloadAnalyzer(new CalciteSqlAnalyzer(), dialect).analyze(repository);
            Map<String, QueryShape> shapes = new HashMap<>();
            Map<String, String> sql = new HashMap<>();
            for (QueryGroup group : analysis.workload().groups()) {
                group.shape().ifPresent(shape -> shapes.put(group.fingerprint(), shape));
                sql.put(group.fingerprint(), group.sql());
            }
            List<ReplayEvent> events = new ArrayList<>();
            repository.forEachEvent(event -> events.add(new ReplayEvent(event.start(), event.fingerprint(), event.user())));

            List<Table> tables = SimulatedWarehouse.tablesWithData(repository, warehouse);
            List<Map<String, StorageLayout>> layouts = WarehouseLayouts.build(SimulatedWarehouse.cachedReader(repository, warehouse, layoutOptions.maxRows()), tables,
                    designs.stream().map(DesignSource.Named::design).toList(), model, WarehouseLayouts.Listener.none());
            List<WorkloadReplay.Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < designs.size(); i++) {
                candidates.add(new WorkloadReplay.Candidate(designs.get(i).name(), new CostModel(model, repository.catalog(), layouts.get(i))));
            }
            ReplayResult result = new WorkloadReplay(wlm).replay(events, shapes, sql, candidates);
            Report report = report(analysis.workloadFingerprint(), model, wlm, result, layouts, designs);
            if (format == OutputFormat.JSON) {
                out.println(Json.writePretty(report));
            }
            else {
                printText(out, report, result);
            }
            if (chart != null) {
                ReplayCharts.write(result, chart);
                if (format == OutputFormat.TEXT) {
                    out.printf(Locale.ROOT, "%nCharts written to %s%n", chart);
                }
            }
            out.flush();
        }
        return 0;
    }

    private WlmConfig wlmConfig()
    {
        if (wlmQueues == null || wlmQueues.isEmpty()) {
            WlmConfig defaults = WlmConfig.defaultConfig();
            return new WlmConfig(defaults.queues(), scalingClusters);
        }
        List<WlmConfig.Queue> queues = new ArrayList<>();
        for (String text : wlmQueues) {
            int equals = text.indexOf('=');
            if (equals <= 0) {
                throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "--wlm-queue '%s' is not NAME=SLOTS[:USER,...]".formatted(text));
            }
            String rest = text.substring(equals + 1);
            int colon = rest.indexOf(':');
            String slots = colon < 0 ? rest : rest.substring(0, colon);
            Set<String> users = colon < 0 ? Set.of() : Set.of(rest.substring(colon + 1).split(","));
            try {
                queues.add(new WlmConfig.Queue(text.substring(0, equals), Integer.parseInt(slots.strip()), users));
            }
            catch (NumberFormatException e) {
                throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "--wlm-queue '%s': slots '%s' is not a number".formatted(text, slots), e);
            }
        }
        return new WlmConfig(queues, scalingClusters);
    }

    private Report report(String workloadFingerprint, ClusterModel model, WlmConfig wlm, ReplayResult result, List<Map<String, StorageLayout>> layouts, List<DesignSource.Named> designs)
    {
        List<DesignReport> designReports = new ArrayList<>();
        for (int d = 0; d < result.designs().size(); d++) {
            ReplayResult.DesignTotals totals = result.designs().get(d);
            Map<String, TableReport> tables = new TreeMap<>();
            layouts.get(d).forEach((name, layout) -> tables.put(name, new TableReport(layout.design().distribution().name(), layout.design().distkey().orElse(null),
                    layout.design().sortStyle().name(), layout.design().sortkey(), layout.encodedBytes() * layout.copies(), layout.blocks(), layout.skew())));
            designReports.add(new DesignReport(totals.name(), totals.runs(), totals.totalSeconds(), totals.bytesScanned(), totals.bytesMoved(), totals.bytesWritten(),
                    totals.queueWait(), totals.latency(), totals.scaled(), tables));
        }
        List<QueryReport> queries = new ArrayList<>();
        for (ReplayResult.QueryTotals query : result.queries()) {
            List<QueryDesign> perDesign = new ArrayList<>();
            for (int d = 0; d < designs.size(); d++) {
                QueryCost cost = query.costs().get(d);
                perDesign.add(new QueryDesign(result.designs().get(d).name(), cost.seconds() * query.count(), cost.seconds(), cost.bytesScanned() * query.count(),
                        cost.bytesMoved() * query.count(), cost.movements(), cost.missingTables()));
            }
            queries.add(new QueryReport(query.fingerprint(), query.count(), Formats.excerpt(query.sql(), 160), perDesign));
        }
        long simulated = result.designs().isEmpty() ? 0 : result.designs().get(0).runs();
        long notSimulated = result.notSimulated().values().stream().mapToLong(Long::longValue).sum();
        return new Report(new Provenance(AutotableVersion.get(), workspaceOptions.workspace().directory().toString(), workloadFingerprint, model, wlm, layoutOptions.maxRows()),
                simulated + notSimulated, simulated, result.notSimulated(), designReports, queries);
    }

    private void printText(PrintWriter out, Report report, ReplayResult result)
    {
        ClusterModel model = report.provenance().cluster();
        out.printf(Locale.ROOT, "Replay of %s: %,d runs (%,d simulated, %,d of statements not analysed) on %s, %d nodes x %d slices; WLM %s%s%n",
                report.provenance().workspace(), report.runs(), report.simulatedRuns(), report.runs() - report.simulatedRuns(), model.name(), model.nodes(), model.slicesPerNode(),
                report.provenance().wlm().queues().stream().map(queue -> queue.name() + "=" + queue.slots()).toList(),
                report.provenance().wlm().scalingClusters() > 0 ? ", concurrency scaling " + report.provenance().wlm().scalingClusters() : "");
        out.println();
        out.printf(Locale.ROOT, "  %-22s %12s %12s %12s %10s %10s %10s %10s%n", "design", "seconds", "scanned", "moved", "wait p90", "wait p99", "lat p50", "lat p99");
        for (DesignReport design : report.designs()) {
            out.printf(Locale.ROOT, "  %-22s %12.2f %12s %12s %10.3f %10.3f %10.3f %10.3f%n", design.name(), design.totalSeconds(), Formats.bytes((long) design.bytesScanned()),
                    Formats.bytes((long) design.bytesMoved()), design.queueWaitSeconds().p90(), design.queueWaitSeconds().p99(), design.latencySeconds().p50(), design.latencySeconds().p99());
        }
        if (report.designs().size() == 2 && report.designs().get(0).totalSeconds() > 0) {
            DesignReport a = report.designs().get(0);
            DesignReport b = report.designs().get(1);
            out.printf(Locale.ROOT, "  %s vs %s: %s time, %s bytes scanned, %s bytes moved%n", b.name(), a.name(),
                    Formats.change(a.totalSeconds(), b.totalSeconds()), Formats.change(a.bytesScanned(), b.bytesScanned()), Formats.change(a.bytesMoved(), b.bytesMoved()));
        }
        out.println();
        out.println(report.queries().size() > top ? "Statements by runs (top %d of %d)".formatted(top, report.queries().size()) : "Statements by runs");
        for (QueryReport query : report.queries().subList(0, Math.min(top, report.queries().size()))) {
            out.printf(Locale.ROOT, "  %-16s %,7d runs  %s%n", query.fingerprint(), query.count(), Formats.cut(query.sql(), 90));
            for (QueryDesign design : query.designs()) {
                out.printf(Locale.ROOT, "      %-20s %10.4f s/run  scanned %10s  moved %10s  %s%n", design.name(), design.secondsPerRun(),
                        Formats.bytes((long) (design.bytesScanned() / query.count())), Formats.bytes((long) (design.bytesMoved() / query.count())), design.movement());
            }
        }
        if (explain) {
            out.println();
            out.println("Simulated plans (one run)");
            for (ReplayResult.QueryTotals query : result.queries()) {
                out.printf(Locale.ROOT, "%n%s (%,d runs): %s%n", query.fingerprint(), query.count(), Formats.excerpt(query.sql(), 160));
                for (int d = 0; d < query.costs().size(); d++) {
                    out.printf(Locale.ROOT, "  [%s] %s", result.designs().get(d).name(), query.costs().get(d).explain());
                }
            }
        }
    }

}
