package io.autotable.distkey;

import io.autotable.catalog.Catalog;
import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnStats;
import io.autotable.catalog.Table;
import io.autotable.design.DistStyle;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.TableDesign;
import io.autotable.distkey.DistributionAdvice.Alternative;
import io.autotable.distkey.DistributionAdvice.LocalJoin;
import io.autotable.distkey.DistributionAdvice.Score;
import io.autotable.distkey.DistributionAdvice.TableAdvice;
import io.autotable.distkey.heuristic.GreedyDistKeySolver;
import io.autotable.workload.QueryGroup;
import io.autotable.workload.Workload;
import io.autotable.workload.Write;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Decides every table's distribution style and key from a workload's {@link JoinGraph}:
 * <ol>
 * <li><b>Skew.</b> A column whose {@link SliceSkew#predictedImbalance predicted imbalance} exceeds
 * the cost model's {@code maxSliceImbalance} is not a key candidate.</li>
 * <li><b>ALL.</b> Greedily, while it pays: the table whose copy on every node saves the most, where
 * making table {@code t} ALL makes all its joins local (DS_DIST_ALL_NONE) and frees its neighbours'
 * keys for their other joins, and costs {@link DistributionCostModel#allCopyBytes} (its size times
 * the other nodes, again per write). A table's gain is at most its joins not yet made local by an ALL
 * table minus its copy cost, so only tables where that is positive are tried, the 32 most promising
 * per round, each by re-solving the keys of the rest with the greedy solver.</li>
 * <li><b>KEY.</b> The configured solver chooses the keys of the remaining graph.</li>
 * <li><b>EVEN.</b> A table whose key makes no join local, or with no joins, goes EVEN: a key
 * only risks skew when it saves nothing.</li>
 * </ol>
 * The result explains every table: the joins made local with their queries, the bytes saved per day,
 * and every alternative (each key candidate, ALL, EVEN, and the current design) scored with the
 * other tables as recommended.
 */
public final class DistributionAdvisor
{
    private static final int ALL_CANDIDATES_PER_ROUND = 32;
    private static final int QUERIES_PER_JOIN = 5;
    private static final double EPSILON = 1e-9;

    private final DistributionCostModel cost;
    private final DistKeySolver solver;

    public DistributionAdvisor(DistributionCostModel cost, DistKeySolver solver)
    {
        this.cost = requireNonNull(cost, "cost is null");
        this.solver = requireNonNull(solver, "solver is null");
    }

    /**
     * @param workload the analysed workload (groups without a shape are ignored)
     * @param catalog the tables, their sizes and column statistics; every table gets advice
     * @param current the design the tables have now (a table missing from it counts as EVEN)
     * @param days the days of workload the events span, at least 1
     */
    public DistributionAdvice advise(Workload workload, Catalog catalog, PhysicalDesign current, double days)
    {
        requireNonNull(workload, "workload is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(current, "current is null");
        long start = System.nanoTime();
        JoinGraph graph = JoinGraphBuilder.build(workload, catalog, cost);
        Map<String, Long> writes = writes(workload);

        Set<String> tables = new TreeSet<>(graph.tables());
        catalog.tables().forEach(table -> tables.add(table.name()));
        Map<String, Double> allCosts = new HashMap<>();
        for (String table : tables) {
            allCosts.put(table, catalog.findTable(table).flatMap(JoinGraphBuilder::knownSize).map(size -> cost.allCopyBytes(size, writes.getOrDefault(table, 0L))).orElse(Double.NaN));
        }
        Map<String, Map<String, Double>> imbalance = imbalances(graph, catalog);
        Decision decision = decide(graph, tables, allCosts, imbalance);
        Map<String, Distribution> recommended = decision.distributions();
        DistKeySolver.Plan plan = decision.plan();
        Set<String> allTables = decision.allTables();
        Map<String, Distribution> currentDistributions = new TreeMap<>();
        for (String table : tables) {
            currentDistributions.put(table, currentOf(current, table));
        }

        Score score = score(graph, recommended, allCosts);
        Score currentScore = score(graph, currentDistributions, allCosts);
        double safeDays = Math.max(1, days);
        List<TableAdvice> advice = new ArrayList<>();
        for (String table : tables) {
            advice.add(explain(table, graph, recommended, currentDistributions.get(table), allCosts, imbalance.getOrDefault(table, Map.of()), safeDays));
        }
        return new DistributionAdvice(
                plan.solver(),
                plan.optimal(),
                score.colocatedWeight(),
                graph.totalWeight(),
                Math.max(score.colocatedWeight(), Math.min(graph.totalWeight(), plan.upperBound() + allWeight(graph, allTables))),
                score.allCopyBytes(),
                score.netSavedBytes(),
                currentScore,
                safeDays,
                Duration.ofNanos(System.nanoTime() - start),
                cost,
                advice);
    }

    /** The decisions before their explanation: every table's distribution, and the key plan behind them. */
    record Decision(Map<String, Distribution> distributions, DistKeySolver.Plan plan, Set<String> allTables) {}

    /**
     * Decides every one of {@code tables}: skewed columns out, ALL tables greedily, keys by the
     * solver, EVEN where a key makes nothing local. The ALL tables are kept only if, with the
     * solver's keys, they beat the solver's plan without any (the greedy choice judges candidates
     * with greedy keys, so this guards against a better solver undoing their gain).
     *
     * @param allCosts each table's ALL copy cost, {@code NaN} when its size is unknown (never ALL)
     * @param imbalance predicted slice imbalance by table and candidate column
     */
    Decision decide(JoinGraph graph, Set<String> tables, Map<String, Double> allCosts, Map<String, Map<String, Double>> imbalance)
    {
        JoinGraph keyGraph = withoutSkewedColumns(graph, imbalance);
        Set<String> allTables = chooseAll(graph, keyGraph, allCosts);
        DistKeySolver.Plan plan = solver.solve(without(keyGraph, allTables));
        if (!allTables.isEmpty()) {
            DistKeySolver.Plan keysOnly = solver.solve(keyGraph);
            if (keysOnly.colocatedWeight() > plan.colocatedWeight() + allWeight(graph, allTables) - copyCost(allTables, allCosts)) {
                allTables = Set.of();
                plan = keysOnly;
            }
        }
        Map<String, Distribution> distributions = new TreeMap<>();
        for (String table : tables) {
            Distribution distribution;
            if (allTables.contains(table)) {
                distribution = Distribution.all();
            }
            else {
                Optional<String> key = plan.keys().getOrDefault(table, Optional.empty());
                distribution = key.isPresent() && makesJoinLocal(graph, table, key.get(), plan.keys(), allTables) ? Distribution.key(key.get()) : Distribution.even();
            }
            distributions.put(table, distribution);
        }
        return new Decision(distributions, plan, allTables);
    }

    /**
     * What a complete assignment achieves on {@code graph}: an edge is local when either side is ALL
     * or the two keys are the two columns of one of its pairs; every ALL table pays its copy.
     * A table missing from {@code distributions} counts as EVEN; an ALL table of unknown size
     * ({@code NaN} in {@code allCosts}) pays nothing.
     */
    public static Score score(JoinGraph graph, Map<String, Distribution> distributions, Map<String, Double> allCosts)
    {
        double colocated = 0;
        for (JoinEdge edge : graph.edges()) {
            Distribution a = distributions.getOrDefault(edge.tableA(), Distribution.even());
            Distribution b = distributions.getOrDefault(edge.tableB(), Distribution.even());
            if (a.style() == DistStyle.ALL || b.style() == DistStyle.ALL || edge.isColocatedBy(a.distkey(), b.distkey())) {
                colocated += edge.weight();
            }
        }
        double copies = 0;
        for (Map.Entry<String, Distribution> entry : distributions.entrySet()) {
            if (entry.getValue().style() == DistStyle.ALL) {
                double copy = allCosts.getOrDefault(entry.getKey(), Double.NaN);
                copies += Double.isNaN(copy) ? 0 : copy;
            }
        }
        return new Score(colocated, copies);
    }

    /** The ALL tables, chosen greedily by what each saves on top of the ones before. */
    private Set<String> chooseAll(JoinGraph graph, JoinGraph keyGraph, Map<String, Double> allCosts)
    {
        DistKeySolver inner = new GreedyDistKeySolver();
        Set<String> chosen = new TreeSet<>();
        double value = inner.solve(keyGraph).colocatedWeight();
        while (true) {
            List<String> candidates = new ArrayList<>();
            Map<String, Double> potential = new HashMap<>();
            for (String table : graph.tables()) {
                double copy = allCosts.getOrDefault(table, Double.NaN);
                if (chosen.contains(table) || Double.isNaN(copy)) {
                    continue;
                }
                double free = 0;
                for (JoinEdge edge : graph.graph().edgesOf(table)) {
                    if (!chosen.contains(edge.tableA()) && !chosen.contains(edge.tableB())) {
                        free += edge.weight();
                    }
                }
                if (free - copy > EPSILON * Math.max(1, free)) {
                    candidates.add(table);
                    potential.put(table, free - copy);
                }
            }
            candidates.sort(Comparator.comparingDouble((String table) -> -potential.get(table)).thenComparing(Comparator.naturalOrder()));
            String best = null;
            double bestValue = value;
            for (String table : candidates.subList(0, Math.min(ALL_CANDIDATES_PER_ROUND, candidates.size()))) {
                Set<String> trial = new HashSet<>(chosen);
                trial.add(table);
                double trialValue = allWeight(graph, trial) - copyCost(trial, allCosts) + inner.solve(without(keyGraph, trial)).colocatedWeight();
                if (trialValue > bestValue + EPSILON * Math.max(1, Math.abs(bestValue))) {
                    best = table;
                    bestValue = trialValue;
                }
            }
            if (best == null) {
                return chosen;
            }
            chosen.add(best);
            value = bestValue;
        }
    }

    private TableAdvice explain(
            String table,
            JoinGraph graph,
            Map<String, Distribution> recommended,
            Distribution current,
            Map<String, Double> allCosts,
            Map<String, Double> imbalance,
            double days)
    {
        Distribution chosen = recommended.get(table);
        List<LocalJoin> joins = new ArrayList<>();
        double saved = 0;
        if (graph.tables().contains(table)) {
            for (JoinEdge edge : graph.graph().edgesOf(table)) {
                String other = edge.tableA().equals(table) ? edge.tableB() : edge.tableA();
                Distribution mine = chosen;
                Distribution theirs = recommended.getOrDefault(other, Distribution.even());
                boolean byAll = mine.style() == DistStyle.ALL || theirs.style() == DistStyle.ALL;
                Distribution a = edge.tableA().equals(table) ? mine : theirs;
                Distribution b = edge.tableA().equals(table) ? theirs : mine;
                if (!byAll && !edge.isColocatedBy(a.distkey(), b.distkey())) {
                    continue;
                }
                String on = byAll ? pairs(edge, edge.pairs()) : pairs(edge, edge.pairs().stream()
                        .filter(pair -> pair.columnA().equals(a.distkey().get()) && pair.columnB().equals(b.distkey().get()))
                        .toList());
                joins.add(new LocalJoin(other, on, byAll ? "DS_DIST_ALL_NONE" : "DS_DIST_NONE", edge.weight(),
                        edge.queries().subList(0, Math.min(QUERIES_PER_JOIN, edge.queries().size()))));
                saved += edge.weight();
            }
        }
        joins.sort(Comparator.comparingDouble(LocalJoin::weight).reversed().thenComparing(LocalJoin::with).thenComparing(LocalJoin::on));

        Set<Distribution> options = new LinkedHashSet<>();
        options.add(chosen);
        if (graph.tables().contains(table)) {
            graph.candidateColumns(table).forEach(column -> options.add(Distribution.key(column)));
        }
        if (!Double.isNaN(allCosts.getOrDefault(table, Double.NaN))) {
            options.add(Distribution.all());
        }
        options.add(Distribution.even());
        options.add(current);
        List<Alternative> alternatives = new ArrayList<>();
        Map<String, Distribution> trial = new TreeMap<>(recommended);
        for (Distribution option : options) {
            trial.put(table, option);
            Optional<String> rejected = option.distkey()
                    .filter(imbalance::containsKey)
                    .filter(column -> imbalance.get(column) > cost.maxSliceImbalance())
                    .map(column -> String.format(Locale.ROOT, "skewed: predicted slice imbalance %.2f > %.2f", imbalance.get(column), cost.maxSliceImbalance()));
            alternatives.add(new Alternative(option, score(graph, trial, allCosts).netSavedBytes(), option.equals(chosen), option.equals(current), rejected));
        }
        alternatives.sort(Comparator.comparing((Alternative alternative) -> !alternative.recommended())
                .thenComparing(Comparator.comparingDouble(Alternative::netSavedBytes).reversed())
                .thenComparing(alternative -> alternative.distribution().toString()));

        double copy = allCosts.getOrDefault(table, Double.NaN);
        return new TableAdvice(
                table,
                chosen,
                current,
                reason(table, graph, chosen, joins, saved, copy, alternatives, imbalance, days),
                saved / days,
                Double.isNaN(copy) ? 0 : copy,
                chosen.distkey().map(imbalance::get),
                joins,
                alternatives);
    }

    private String reason(
            String table,
            JoinGraph graph,
            Distribution chosen,
            List<LocalJoin> joins,
            double saved,
            double copy,
            List<Alternative> alternatives,
            Map<String, Double> imbalance,
            double days)
    {
        String partners = String.join(", ", joins.stream().map(LocalJoin::with).distinct().limit(4).toList()) + (joins.stream().map(LocalJoin::with).distinct().count() > 4 ? ", ..." : "");
        Optional<Alternative> runnerUp = alternatives.stream().filter(alternative -> !alternative.recommended() && alternative.rejected().isEmpty()).findFirst();
        String next = runnerUp.map(alternative -> String.format(Locale.ROOT, "; next best %s saves %s less", alternative.distribution(),
                bytes(alternatives.get(0).netSavedBytes() - alternative.netSavedBytes()))).orElse("");
        return switch (chosen.style()) {
            case KEY -> String.format(Locale.ROOT, "hashing on %s makes %d join%s local (with %s), %s a day%s",
                    chosen.distkey().get(), joins.size(), joins.size() == 1 ? "" : "s", partners, bytes(saved / days), next);
            case ALL -> String.format(Locale.ROOT, "a copy on every node costs %s once and makes %d join%s local (with %s), %s a day%s",
                    bytes(copy), joins.size(), joins.size() == 1 ? "" : "s", partners, bytes(saved / days), next);
            case EVEN -> {
                if (!graph.tables().contains(table)) {
                    yield "the workload joins it with no other table: no key would save anything";
                }
                Optional<String> skewed = imbalance.entrySet().stream()
                        .filter(entry -> entry.getValue() > cost.maxSliceImbalance())
                        .max(Map.Entry.comparingByValue())
                        .map(entry -> String.format(Locale.ROOT, "; %s is skewed (predicted slice imbalance %.2f > %.2f)", entry.getKey(), entry.getValue(), cost.maxSliceImbalance()));
                yield (joins.isEmpty()
                        ? "no key makes one of its joins local in the best plan: its partners are keyed for heavier joins"
                        : String.format(Locale.ROOT, "its joins are local through ALL copies of its partners (%s)", partners)) + skewed.orElse("");
            }
        };
    }

    /** Binary units, as the command line prints sizes. */
    private static String bytes(double bytes)
    {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
    }

    private static String pairs(JoinEdge edge, List<JoinEdge.ColumnPair> pairs)
    {
        return String.join(" and ", pairs.stream()
                .map(pair -> edge.tableA() + "." + pair.columnA() + " = " + edge.tableB() + "." + pair.columnB())
                .toList());
    }

    private static boolean makesJoinLocal(JoinGraph graph, String table, String key, Map<String, Optional<String>> keys, Set<String> allTables)
    {
        for (JoinEdge edge : graph.graph().edgesOf(table)) {
            if (allTables.contains(edge.tableA()) || allTables.contains(edge.tableB()) || edge.weight() <= 0) {
                continue;
            }
            Optional<String> a = edge.tableA().equals(table) ? Optional.of(key) : keys.getOrDefault(edge.tableA(), Optional.empty());
            Optional<String> b = edge.tableB().equals(table) ? Optional.of(key) : keys.getOrDefault(edge.tableB(), Optional.empty());
            if (edge.isColocatedBy(a, b)) {
                return true;
            }
        }
        return false;
    }

    private static double allWeight(JoinGraph graph, Set<String> allTables)
    {
        double weight = 0;
        for (JoinEdge edge : graph.edges()) {
            if (allTables.contains(edge.tableA()) || allTables.contains(edge.tableB())) {
                weight += edge.weight();
            }
        }
        return weight;
    }

    private static double copyCost(Set<String> allTables, Map<String, Double> allCosts)
    {
        double total = 0;
        for (String table : allTables) {
            total += allCosts.get(table);
        }
        return total;
    }

    /** The graph without the edges touching {@code tables} (made local by their ALL copies). */
    private static JoinGraph without(JoinGraph graph, Set<String> tables)
    {
        if (tables.isEmpty()) {
            return graph;
        }
        List<JoinEdge> edges = graph.edges().stream()
                .filter(edge -> !tables.contains(edge.tableA()) && !tables.contains(edge.tableB()))
                .toList();
        List<String> rest = graph.tables().stream().filter(table -> !tables.contains(table)).toList();
        return JoinGraph.of(rest, edges);
    }

    /** The graph without the pairs on skewed columns; an edge left with no pair can no longer be made local by keys. */
    private JoinGraph withoutSkewedColumns(JoinGraph graph, Map<String, Map<String, Double>> imbalance)
    {
        List<JoinEdge> edges = new ArrayList<>();
        for (JoinEdge edge : graph.edges()) {
            List<JoinEdge.ColumnPair> pairs = edge.pairs().stream()
                    .filter(pair -> !skewed(imbalance, edge.tableA(), pair.columnA()) && !skewed(imbalance, edge.tableB(), pair.columnB()))
                    .toList();
            if (!pairs.isEmpty()) {
                edges.add(new JoinEdge(edge.tableA(), edge.tableB(), pairs, edge.weight(), edge.queries()));
            }
        }
        return JoinGraph.of(graph.tables(), edges);
    }

    private boolean skewed(Map<String, Map<String, Double>> imbalance, String table, String column)
    {
        return imbalance.getOrDefault(table, Map.of()).getOrDefault(column, 1.0) > cost.maxSliceImbalance();
    }

    /** The predicted imbalance of every candidate column with statistics, by table then column. */
    private Map<String, Map<String, Double>> imbalances(JoinGraph graph, Catalog catalog)
    {
        Map<String, Map<String, Double>> result = new HashMap<>();
        for (String name : graph.tables()) {
            Optional<Table> table = catalog.findTable(name);
            if (table.isEmpty()) {
                continue;
            }
            Map<String, Double> columns = new TreeMap<>();
            for (String column : graph.candidateColumns(name)) {
                Optional<ColumnStats> stats = table.get().findColumn(column).flatMap(Column::stats);
                stats.ifPresent(known -> columns.put(column, SliceSkew.predictedImbalance(known, cost.slices())));
            }
            result.put(name, columns);
        }
        return result;
    }

    private static Map<String, Long> writes(Workload workload)
    {
        Map<String, Long> writes = new HashMap<>();
        for (QueryGroup group : workload.groups()) {
            if (group.shape().isEmpty()) {
                continue;
            }
            for (String table : group.shape().get().writes().stream().map(Write::table).distinct().toList()) {
                writes.merge(table, group.count(), Long::sum);
            }
        }
        return writes;
    }

    /** The current design of {@code table}'s distribution, EVEN when the design does not name it. */
    public static Distribution currentOf(PhysicalDesign design, String table)
    {
        TableDesign tableDesign = design.tables().get(table);
        return tableDesign == null ? Distribution.even() : Distribution.of(tableDesign);
    }
}
