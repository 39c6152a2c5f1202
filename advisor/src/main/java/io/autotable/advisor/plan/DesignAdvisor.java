package io.autotable.advisor.plan;

import io.autotable.advisor.Advice;
import io.autotable.advisor.AdvisorConfig;
import io.autotable.advisor.DdlDialect;
import io.autotable.advisor.Recommendation;
import io.autotable.advisor.Recommendation.Kind;
import io.autotable.advisor.SortKeyChooser;
import io.autotable.advisor.encoding.WorkloadAwareEncodings;
import io.autotable.advisor.whatif.TableWhatIf;
import io.autotable.advisor.whatif.WorkloadWhatIf;
import io.autotable.advisor.whatif.WorkloadWhatIf.Statement;
import io.autotable.catalog.Catalog;
import io.autotable.catalog.Table;
import io.autotable.design.DistStyle;
import io.autotable.design.Encoding;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.distkey.Distribution;
import io.autotable.distkey.DistributionAdvice;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.cost.QueryCost;
import io.autotable.simulator.layout.LayoutBuilder;
import io.autotable.simulator.layout.StorageLayout;
import io.autotable.simulator.layout.TableData;
import io.autotable.workload.ColumnRef;
import io.autotable.workload.JoinPair;
import io.autotable.workload.Predicate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Turns the distribution, sort-key and encoding proposals into one list of recommendations, each
 * verified on the whole workload by the simulator's what-if ({@link WorkloadWhatIf}).
 *
 * <ol>
 * <li><b>Distribution.</b> Every table is laid out under its current design and under each
 *     distribution the join-graph advice proposes for it (its recommendation and its two best
 *     alternatives that are not rejected). Starting from the join-graph plan (or the current
 *     design, whichever the simulator finds faster), each table in turn takes the option that makes
 *     the whole workload fastest, until a round changes nothing (at most three rounds). This
 *     catches what the join graph does not weigh, such as an ALL table being scanned by one slice
 *     per node. A change whose removal would cost less than the minimum benefit is dropped.</li>
 * <li><b>Sort key</b>, per table, with the distribution decided: the {@link SortKeyChooser}'s
 *     proposal, kept if the workload gets faster by at least the minimum benefit.</li>
 * <li><b>Encodings</b>, per table, with distribution and sort key decided:
 *     {@link WorkloadAwareEncodings}, kept if the workload gets faster by at least the minimum
 *     benefit, or if the table shrinks by at least the minimum storage saving without the workload
 *     getting slower.</li>
 * </ol>
 * The kept changes are applied one after another in that order (distribution changes grouped by
 * the colocated joins that tie them), and each one's benefit is what the workload's simulated cost
 * drops by when it is applied: the benefits add up to the whole saving.
 *
 * <p>Memory: every table's layouts under its options (zone maps and block sizes, not data), and one
 * table's data at a time; each table's data is read twice (once per pass).
 */
public final class DesignAdvisor
{
    private static final int DESCENT_ROUNDS = 3;
    private static final int ALTERNATIVES = 2;

    private static final String EXCLUDED = "excluded by the user (autotable exclude): the current setting stays";

    private final AdvisorConfig config;
    private final Optional<SortKeyChooser> sortKeys;
    private final Function<ClusterModel, WorkloadAwareEncodings> encodings;
    private final List<DdlDialect> dialects;

    /** Hears what the advisor is doing; called on the advising thread. */
    @FunctionalInterface
    public interface Listener
    {
        void progress(String phase, String table, int done, int total);

        static Listener none()
        {
            return (phase, table, done, total) -> {};
        }
    }

    /**
     * What the advisor reads.
     *
     * @param cluster the simulated cluster
     * @param catalog the tables' columns and statistics
     * @param current the design the tables have now
     * @param tables the tables with data (others are not laid out, not changed)
     * @param data reads a table's data (from the warehouse, a cache, a test)
     * @param statements the workload's analysed statements with their runs
     * @param firstHalf the same statements weighted by their runs in the first half of the log (by arrival)
     * @param secondHalf ... in the second half
     * @param sql each statement's text, by fingerprint
     * @param distribution the join-graph distribution advice, when distribution changes are wanted
     */
    public record Input(
            ClusterModel cluster,
            Catalog catalog,
            PhysicalDesign current,
            List<Table> tables,
            Function<Table, TableData> data,
            List<Statement> statements,
            List<Statement> firstHalf,
            List<Statement> secondHalf,
            Map<String, String> sql,
            Optional<DistributionAdvice> distribution)
    {
        public Input
        {
            requireNonNull(cluster, "cluster is null");
            requireNonNull(catalog, "catalog is null");
            requireNonNull(current, "current is null");
            tables = List.copyOf(requireNonNull(tables, "tables is null"));
            requireNonNull(data, "data is null");
            statements = List.copyOf(requireNonNull(statements, "statements is null"));
            firstHalf = List.copyOf(requireNonNull(firstHalf, "firstHalf is null"));
            secondHalf = List.copyOf(requireNonNull(secondHalf, "secondHalf is null"));
            sql = Map.copyOf(requireNonNull(sql, "sql is null"));
            requireNonNull(distribution, "distribution is null");
        }
    }

    public DesignAdvisor(AdvisorConfig config, Optional<SortKeyChooser> sortKeys, Function<ClusterModel, WorkloadAwareEncodings> encodings, List<DdlDialect> dialects)
    {
        this.config = requireNonNull(config, "config is null");
        this.sortKeys = requireNonNull(sortKeys, "sortKeys is null");
        this.encodings = requireNonNull(encodings, "encodings is null");
        this.dialects = List.copyOf(requireNonNull(dialects, "dialects is null"));
    }

    /** A change applied in the what-if: the table's design and the workload before and after it. */
    private record Step(String table, Kind kind, TableDesign before, TableDesign after, WorkloadWhatIf from, WorkloadWhatIf to, String group, String reason, double share) {}

    public Advice advise(Input input, Listener listener)
    {
        requireNonNull(input, "input is null");
        requireNonNull(listener, "listener is null");
        LayoutBuilder builder = new LayoutBuilder(input.cluster());
        Map<String, TableDesign> designs = new LinkedHashMap<>();
        Map<String, StorageLayout> baseLayouts = new HashMap<>();
        Map<String, Map<Distribution, StorageLayout>> options = new LinkedHashMap<>();
        boolean distribution = config.kinds().contains(Kind.DISTRIBUTION) && input.distribution().isPresent();

        // pass 1: the current layouts, and each distribution option's
        int done = 0;
        for (Table table : input.tables()) {
            listener.progress("laying out", table.name(), done++, input.tables().size());
            TableData data = input.data().apply(table);
            TableDesign current = input.current().table(table.name());
            designs.put(table.name(), current);
            StorageLayout base = builder.build(data, current);
            baseLayouts.put(table.name(), base);
            Map<Distribution, StorageLayout> tableOptions = new LinkedHashMap<>();
            tableOptions.put(Distribution.of(current), base);
            if (distribution && config.allows(table.name(), Kind.DISTRIBUTION)) {
                for (Distribution option : distributionOptions(input.distribution().get(), table.name())) {
                    if (!tableOptions.containsKey(option)) {
                        tableOptions.put(option, builder.build(data, current.withDistribution(option.style(), option.distkey())));
                    }
                }
            }
            options.put(table.name(), tableOptions);
        }
        listener.progress("laying out", "", done, input.tables().size());

        WorkloadWhatIf baseline = new WorkloadWhatIf(input.cluster(), input.catalog(), input.statements(), baseLayouts);
        List<Advice.Declined> declined = new ArrayList<>();
        Map<String, Distribution> chosen = distribution ? chooseDistributions(input, baseline, options, declined) : currentDistributions(designs);

        // the distribution changes, applied group by group
        List<Step> steps = new ArrayList<>();
        WorkloadWhatIf state = baseline;
        Map<String, String> groups = distribution ? colocationGroups(input.statements(), chosen, designs) : Map.of();
        for (String group : new LinkedHashSet<>(groups.values())) {
            // a group's changes save together: applied at once, each showing an equal share of the saving
            List<String> members = groups.keySet().stream().filter(table -> groups.get(table).equals(group)).toList();
            WorkloadWhatIf next = state;
            for (String table : members) {
                next = next.with(table, options.get(table).get(chosen.get(table)));
            }
            for (String table : members) {
                TableDesign before = designs.get(table);
                TableDesign after = before.withDistribution(chosen.get(table).style(), chosen.get(table).distkey());
                String reason = distributionReason(input.distribution().get(), table, chosen.get(table))
                        + (members.size() > 1 ? " Apply with %s (group %s): the saving needs them all; each shows an equal share of it.".formatted(
                                String.join(", ", members.stream().filter(member -> !member.equals(table)).toList()), group) : "");
                steps.add(new Step(table, Kind.DISTRIBUTION, before, after, state, next, group, reason, 1.0 / members.size()));
                designs.put(table, after);
            }
            state = next;
        }

        // pass 2: sort keys and encodings, table by table, heaviest first
        if (config.kinds().contains(Kind.SORTKEY) && sortKeys.isPresent() || config.kinds().contains(Kind.ENCODING)) {
            List<Table> order = new ArrayList<>(input.tables());
            double minimum = baseline.total().seconds() * config.minBenefitPercent() / 100;
            WorkloadWhatIf weights = state;
            order.sort(Comparator.comparingDouble((Table table) -> weights.touching(table.name()).seconds()).reversed().thenComparing(Table::name));
            done = 0;
            for (Table table : order) {
                listener.progress("sort keys and encodings", table.name(), done++, order.size());
                TableData data = input.data().apply(table);
                state = sortKeyAndEncodings(input, table, data, builder, state, minimum, designs, steps, declined);
            }
            listener.progress("sort keys and encodings", "", done, order.size());
        }

        return advice(input, baseline, state, steps, declined, designs);
    }

    private static List<Distribution> distributionOptions(DistributionAdvice advice, String table)
    {
        List<Distribution> options = new ArrayList<>();
        DistributionAdvice.TableAdvice tableAdvice = advice.tables().stream().filter(entry -> entry.table().equals(table)).findFirst().orElse(null);
        if (tableAdvice == null) {
            return options;
        }
        options.add(tableAdvice.recommended());
        int alternatives = 0;
        for (DistributionAdvice.Alternative alternative : tableAdvice.alternatives()) {
            if (alternatives == ALTERNATIVES) {
                break;
            }
            if (alternative.rejected().isEmpty() && !alternative.recommended() && !alternative.current()) {
                options.add(alternative.distribution());
                alternatives++;
            }
        }
        return options;
    }

    private static Map<String, Distribution> currentDistributions(Map<String, TableDesign> designs)
    {
        Map<String, Distribution> current = new LinkedHashMap<>();
        designs.forEach((table, design) -> current.put(table, Distribution.of(design)));
        return current;
    }

    private Map<String, Distribution> chooseDistributions(Input input, WorkloadWhatIf baseline, Map<String, Map<Distribution, StorageLayout>> options, List<Advice.Declined> declined)
    {
        DistributionAdvice advice = input.distribution().orElseThrow();
        Map<String, Distribution> current = new LinkedHashMap<>();
        options.forEach((table, tableOptions) -> current.put(table, tableOptions.keySet().iterator().next()));

        // the join graph's plan, if the simulator finds it faster than the current design
        Map<String, Distribution> chosen = new LinkedHashMap<>(current);
        WorkloadWhatIf plan = baseline;
        Map<String, Distribution> planned = new LinkedHashMap<>(current);
        for (DistributionAdvice.TableAdvice table : advice.tables()) {
            if (options.containsKey(table.table()) && options.get(table.table()).containsKey(table.recommended())) {
                plan = plan.with(table.table(), options.get(table.table()).get(table.recommended()));
                planned.put(table.table(), table.recommended());
            }
        }
        WorkloadWhatIf state = baseline;
        if (plan.total().seconds() < baseline.total().seconds()) {
            state = plan;
            chosen = planned;
        }

        // each table in turn takes its fastest option, the others as chosen so far
        List<String> order = new ArrayList<>(options.keySet());
        order.sort(Comparator.comparingDouble((String table) -> baseline.touching(table).seconds()).reversed().thenComparing(Comparator.naturalOrder()));
        for (int round = 0; round < DESCENT_ROUNDS; round++) {
            boolean moved = false;
            for (String table : order) {
                Distribution best = chosen.get(table);
                WorkloadWhatIf bestState = state;
                for (Map.Entry<Distribution, StorageLayout> option : options.get(table).entrySet()) {
                    if (option.getKey().equals(chosen.get(table))) {
                        continue;
                    }
                    WorkloadWhatIf candidate = state.with(table, option.getValue());
                    if (candidate.total().seconds() < bestState.total().seconds() * (1 - 1e-9)) {
                        best = option.getKey();
                        bestState = candidate;
                    }
                }
                if (!best.equals(chosen.get(table))) {
                    chosen.put(table, best);
                    state = bestState;
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }

        // drop the changes too small to be worth it, smallest first
        double minimum = baseline.total().seconds() * config.minBenefitPercent() / 100;
        while (true) {
            String weakest = null;
            double weakestSaving = Double.POSITIVE_INFINITY;
            WorkloadWhatIf weakestState = null;
            for (String table : order) {
                if (chosen.get(table).equals(current.get(table))) {
                    continue;
                }
                WorkloadWhatIf without = state.with(table, options.get(table).get(current.get(table)));
                double saving = without.total().seconds() - state.total().seconds();
                if (saving < minimum && saving < weakestSaving) {
                    weakest = table;
                    weakestSaving = saving;
                    weakestState = without;
                }
            }
            if (weakest == null) {
                break;
            }
            declined.add(new Advice.Declined(weakest, Kind.DISTRIBUTION, chosen.get(weakest).toString(),
                    "saves %.3f s of simulated workload time, less than the minimum benefit (%.2f%% = %.3f s)".formatted(weakestSaving, config.minBenefitPercent(), minimum)));
            chosen.put(weakest, current.get(weakest));
            state = weakestState;
        }

        // what the join graph recommended and the simulation overruled
        for (DistributionAdvice.TableAdvice table : advice.tables()) {
            if (options.containsKey(table.table()) && table.changes() && !chosen.get(table.table()).equals(table.recommended())
                    && declined.stream().noneMatch(entry -> entry.table().equals(table.table()) && entry.kind() == Kind.DISTRIBUTION)) {
                declined.add(new Advice.Declined(table.table(), Kind.DISTRIBUTION, table.recommended().toString(),
                        config.allows(table.table(), Kind.DISTRIBUTION)
                                ? "the join graph's choice, but the simulated workload is faster with %s (%s)".formatted(chosen.get(table.table()), table.reason())
                                : EXCLUDED));
            }
        }
        return chosen;
    }

    /**
     * Changed tables, grouped when a statement joins them on their new distribution keys (or one
     * of them is now ALL): such changes only save together. In order of group.
     */
    private static Map<String, String> colocationGroups(List<Statement> statements, Map<String, Distribution> chosen, Map<String, TableDesign> designs)
    {
        Set<String> changed = new LinkedHashSet<>();
        chosen.forEach((table, distribution) -> {
            if (!distribution.equals(Distribution.of(designs.get(table)))) {
                changed.add(table);
            }
        });
        Map<String, String> root = new HashMap<>();
        for (String table : changed) {
            root.put(table, table);
        }
        for (Statement statement : statements) {
            for (JoinPair join : statement.shape().joins()) {
                String left = join.left().table();
                String right = join.right().table();
                if (left.equals(right) || !changed.contains(left) || !changed.contains(right)) {
                    continue;
                }
                if (local(chosen.get(left), join.left().column(), chosen.get(right), join.right().column())) {
                    root.put(find(root, left), find(root, right));
                }
            }
        }
        Map<String, List<String>> members = new TreeMap<>();
        for (String table : changed) {
            members.computeIfAbsent(find(root, table), ignored -> new ArrayList<>()).add(table);
        }
        Map<String, String> groups = new LinkedHashMap<>();
        List<List<String>> ordered = new ArrayList<>(members.values());
        ordered.sort(Comparator.comparing((List<String> group) -> -group.size()).thenComparing(group -> group.get(0)));
        int next = 1;
        for (List<String> group : ordered) {
            String id = "G" + next++;
            group.stream().sorted().forEach(table -> groups.put(table, id));
        }
        return groups;
    }

    private static boolean local(Distribution left, String leftColumn, Distribution right, String rightColumn)
    {
        if (left.style() == DistStyle.ALL || right.style() == DistStyle.ALL) {
            return true;
        }
        return left.distkey().equals(Optional.of(leftColumn)) && right.distkey().equals(Optional.of(rightColumn));
    }

    private static String find(Map<String, String> root, String table)
    {
        String at = table;
        while (!root.get(at).equals(at)) {
            at = root.get(at);
        }
        return at;
    }

    private static String distributionReason(DistributionAdvice advice, String table, Distribution chosen)
    {
        DistributionAdvice.TableAdvice tableAdvice = advice.table(table);
        if (chosen.equals(tableAdvice.recommended())) {
            return tableAdvice.reason();
        }
        return "The join graph recommends %s (%s), but the simulated workload is fastest with %s."
                .formatted(tableAdvice.recommended(), tableAdvice.reason(), chosen);
    }

    private WorkloadWhatIf sortKeyAndEncodings(Input input, Table table, TableData data, LayoutBuilder builder, WorkloadWhatIf state, double minimum,
            Map<String, TableDesign> designs, List<Step> steps, List<Advice.Declined> declined)
    {
        String name = table.name();
        TableDesign design = designs.get(name);
        for (Kind kind : List.of(Kind.SORTKEY, Kind.ENCODING)) {
            if (config.kinds().contains(kind) && !config.allows(name, kind)) {
                declined.add(new Advice.Declined(name, kind, "any change", EXCLUDED));
            }
        }
        if (config.allows(name, Kind.SORTKEY) && sortKeys.isPresent()) {
            TableWhatIf whatIf = state.forTable(name, data, builder);
            Optional<SortKeyChooser.Choice> choice = sortKeys.get().choose(data, design, whatIf);
            if (choice.isPresent() && !(choice.get().style() == design.sortStyle() && choice.get().columns().equals(design.sortkey()))) {
                TableDesign sorted = design.withSortKey(choice.get().style(), choice.get().columns());
                WorkloadWhatIf next = state.with(name, builder.build(data, sorted));
                double saving = state.total().seconds() - next.total().seconds();
                if (saving >= minimum && saving > 0) {
                    steps.add(new Step(name, Kind.SORTKEY, design, sorted, state, next, groupOf(steps), choice.get().reason(), 1));
                    designs.put(name, sorted);
                    design = sorted;
                    state = next;
                }
                else {
                    declined.add(new Advice.Declined(name, Kind.SORTKEY, sortKeyText(sorted),
                            "saves %.3f s of simulated workload time, less than the minimum benefit (%.3f s)".formatted(saving, minimum)));
                }
            }
        }
        if (config.allows(name, Kind.ENCODING)) {
            Map<String, WorkloadAwareEncodings.Choice> choices = encodings.apply(input.cluster()).choose(data, design, columnReads(input.statements(), name));
            Map<String, Encoding> chosen = new TreeMap<>();
            choices.forEach((column, choice) -> chosen.put(column, choice.encoding()));
            TableDesign encoded = design.withEncodings(chosen);
            if (!sameEncodings(design, encoded, choices.keySet())) {
                StorageLayout before = state.layouts().get(name);
                StorageLayout after = builder.build(data, encoded);
                WorkloadWhatIf next = state.with(name, after);
                double saving = state.total().seconds() - next.total().seconds();
                double storageBefore = storage(before);
                double storageSaving = storageBefore - storage(after);
                boolean faster = saving >= minimum && saving > 0;
                boolean smaller = storageBefore > 0 && storageSaving / storageBefore * 100 >= config.minStorageSavingPercent() && saving >= 0;
                String changedColumns = changedEncodings(design, encoded, choices.keySet(), false);
                if (faster || smaller) {
                    String reason = "%d of %d columns change: columns the workload reads get the smallest encoding among those within 3%% of the fastest to scan and decode, "
                            .formatted(changedColumns.split(", ").length, choices.size())
                            + "the others the smallest; the table's storage changes by %s.".formatted(percent(-storageSaving, storageBefore));
                    steps.add(new Step(name, Kind.ENCODING, design, encoded, state, next, groupOf(steps), reason, 1));
                    designs.put(name, encoded);
                    state = next;
                }
                else {
                    declined.add(new Advice.Declined(name, Kind.ENCODING, changedColumns,
                            "saves %.3f s of simulated workload time (minimum %.3f s) and %s of the table's storage (minimum %.0f%% when no time is lost)"
                                    .formatted(saving, minimum, percent(storageSaving, storageBefore), config.minStorageSavingPercent())));
                }
            }
        }
        return state;
    }

    private static String groupOf(List<Step> steps)
    {
        int highest = 0;
        for (Step step : steps) {
            highest = Math.max(highest, Integer.parseInt(step.group().substring(1)));
        }
        return "G" + (highest + 1);
    }

    private static Map<String, Double> columnReads(List<Statement> statements, String table)
    {
        Map<String, Double> reads = new HashMap<>();
        for (Statement statement : statements) {
            Set<String> columns = new LinkedHashSet<>();
            for (ColumnRef column : statement.shape().columns()) {
                if (column.table().equals(table)) {
                    columns.add(column.column());
                }
            }
            for (Predicate predicate : statement.shape().predicates()) {
                if (predicate.column().table().equals(table)) {
                    columns.add(predicate.column().column());
                }
            }
            for (String column : columns) {
                reads.merge(column, statement.runs(), Double::sum);
            }
        }
        return reads;
    }

    private static boolean sameEncodings(TableDesign a, TableDesign b, Set<String> columns)
    {
        for (String column : columns) {
            if (a.encoding(column) != b.encoding(column)) {
                return false;
            }
        }
        return true;
    }

    private static String changedEncodings(TableDesign before, TableDesign after, Set<String> columns, boolean from)
    {
        List<String> changed = new ArrayList<>();
        for (String column : columns) {
            if (before.encoding(column) != after.encoding(column)) {
                changed.add(column + " " + (from ? before : after).encoding(column).name());
            }
        }
        return String.join(", ", changed);
    }

    private static double storage(StorageLayout layout)
    {
        return layout.encodedBytes() * layout.copies();
    }

    private static String percent(double part, double whole)
    {
        return whole == 0 ? "0%" : String.format(Locale.ROOT, "%+.1f%%", part / whole * 100);
    }

    static String sortKeyText(TableDesign design)
    {
        return design.sortStyle() == SortStyle.NONE ? "none" : design.sortStyle().name() + "(" + String.join(", ", design.sortkey()) + ")";
    }

    private Advice advice(Input input, WorkloadWhatIf baseline, WorkloadWhatIf state, List<Step> steps, List<Advice.Declined> declined, Map<String, TableDesign> designs)
    {
        double baselineSeconds = baseline.total().seconds();
        Map<String, Double> firstHalf = runs(input.firstHalf());
        Map<String, Double> secondHalf = runs(input.secondHalf());
        List<Statement> heaviest = new ArrayList<>(baseline.statements());
        heaviest.sort(Comparator.comparingDouble((Statement statement) -> -statement.runs() * baseline.cost(statement.fingerprint()).seconds())
                .thenComparing(Statement::fingerprint));
        List<Statement> all = List.copyOf(heaviest);
        heaviest = heaviest.subList(0, Math.min(config.topQueries(), heaviest.size()));

        List<Recommendation> recommendations = new ArrayList<>();
        for (Step step : steps) {
            TableWhatIf.Cost before = step.from().total();
            TableWhatIf.Cost after = step.to().total();
            StorageLayout layoutBefore = step.from().layouts().get(step.table());
            StorageLayout layoutAfter = step.to().layouts().get(step.table());
            double share = step.share();
            Recommendation.Benefit benefit = new Recommendation.Benefit((before.seconds() - after.seconds()) * share, (before.bytesScanned() - after.bytesScanned()) * share,
                    (before.bytesMoved() - after.bytesMoved()) * share, storage(layoutBefore) - storage(layoutAfter));

            List<Recommendation.Evidence> evidence = new ArrayList<>();
            double support = 0;
            double first = 0;
            double second = 0;
            for (Statement statement : step.from().statements()) {
                QueryCost a = step.from().cost(statement.fingerprint());
                QueryCost b = step.to().cost(statement.fingerprint());
                double delta = (a.seconds() - b.seconds()) * share;
                if (delta == 0 || !statement.touches(step.table())) {
                    continue;
                }
                double weight = baselineSeconds == 0 ? 0 : statement.runs() * baseline.cost(statement.fingerprint()).seconds() / baselineSeconds;
                support += weight;
                first += firstHalf.getOrDefault(statement.fingerprint(), 0.0) * delta;
                second += secondHalf.getOrDefault(statement.fingerprint(), 0.0) * delta;
                evidence.add(new Recommendation.Evidence(statement.fingerprint(), statement.runs(), weight, a.seconds(), b.seconds(), excerpt(input.sql().getOrDefault(statement.fingerprint(), ""))));
            }
            evidence.sort(Comparator.comparingDouble((Recommendation.Evidence entry) -> -Math.abs(entry.runs() * (entry.secondsBefore() - entry.secondsAfter())))
                    .thenComparing(Recommendation.Evidence::fingerprint));
            evidence = evidence.subList(0, Math.min(config.evidence(), evidence.size()));

            List<Recommendation.Regression> regressions = new ArrayList<>();
            for (Statement statement : heaviest) {
                double a = step.from().cost(statement.fingerprint()).seconds();
                double b = step.to().cost(statement.fingerprint()).seconds();
                if (b > a * 1.01 && b - a > 1e-6) {
                    regressions.add(new Recommendation.Regression(statement.fingerprint(), statement.runs(), a, b, (b - a) / a * 100));
                }
            }

            String level;
            if (first > 0 && second > 0 && Math.min(first, second) >= 0.5 * Math.max(first, second) && support >= 0.1) {
                level = "high";
            }
            else if (first > 0 && second > 0) {
                level = "medium";
            }
            else {
                level = "low";
            }

            Map<String, List<String>> ddl = new LinkedHashMap<>();
            for (DdlDialect dialect : dialects) {
                ddl.put(dialect.name(), dialect.statements(step.table(), step.kind(), step.before(), step.after()));
            }
            recommendations.add(new Recommendation("R" + (recommendations.size() + 1), step.table(), step.kind(), describe(step.kind(), step.before(), step.after(), true),
                    describe(step.kind(), step.before(), step.after(), false), baselineSeconds == 0 ? 0 : benefit.seconds() / baselineSeconds * 100, benefit,
                    evidence, regressions, new Recommendation.Confidence(level, support, first, second), step.group(), ddl, step.reason(), step.before(), step.after()));
        }

        PhysicalDesign design = input.current();
        for (Map.Entry<String, TableDesign> entry : designs.entrySet()) {
            design = design.with(entry.getKey(), entry.getValue());
        }
        List<Advice.StatementCost> costs = new ArrayList<>();
        for (Statement statement : all) {
            costs.add(new Advice.StatementCost(statement.fingerprint(), statement.runs(), baseline.cost(statement.fingerprint()).seconds(),
                    state.cost(statement.fingerprint()).seconds()));
        }
        return new Advice(totals(baseline), totals(state), recommendations, declined, costs, design);
    }

    private static Advice.Totals totals(WorkloadWhatIf whatIf)
    {
        TableWhatIf.Cost total = whatIf.total();
        double storage = 0;
        for (StorageLayout layout : whatIf.layouts().values()) {
            storage += storage(layout);
        }
        return new Advice.Totals(total.seconds(), total.bytesScanned(), total.bytesMoved(), storage);
    }

    private static Map<String, Double> runs(List<Statement> statements)
    {
        Map<String, Double> runs = new HashMap<>();
        for (Statement statement : statements) {
            runs.merge(statement.fingerprint(), statement.runs(), Double::sum);
        }
        return runs;
    }

    private static String describe(Kind kind, TableDesign before, TableDesign after, boolean from)
    {
        TableDesign design = from ? before : after;
        return switch (kind) {
            case DISTRIBUTION -> Distribution.of(design).toString();
            case SORTKEY -> sortKeyText(design);
            case ENCODING -> {
                Set<String> columns = new TreeSet<>(before.encodings().keySet());
                columns.addAll(after.encodings().keySet());
                yield changedEncodings(before, after, columns, from);
            }
        };
    }

    private static String excerpt(String sql)
    {
        String oneLine = sql.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 157) + "...";
    }
}
