package io.autotable.advisor.sortkey.candidates;

import io.autotable.advisor.sortkey.SortKey;
import io.autotable.advisor.sortkey.SortKeyCandidate;
import io.autotable.advisor.sortkey.SortKeyCandidate.Evidence;
import io.autotable.advisor.sortkey.SortKeyCandidate.Source;
import io.autotable.advisor.sortkey.TableProfile;
import io.autotable.advisor.sortkey.TableWorkload.Statement;
import io.autotable.error.CaptureException;
import io.autotable.workload.JoinPair;
import io.autotable.workload.Predicate;
import io.autotable.workload.PredicateOperator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The sort keys worth considering for a table, from its workload:
 * <ol>
 * <li>the two baselines, always: the current key and no sort key;</li>
 * <li>each column the workload filters in a way zone maps can use (a constant range or point),
 *     weighted by the bytes the filters could let scans skip: {@code runs × (1 − selectivity) ×
 *     bytes the statement reads of the table}, summed over the statements; the heaviest
 *     {@link Config#filterColumns()} become one-column compound keys, labelled by whether ranges or
 *     points weigh more;</li>
 * <li>the most-joined columns ({@link Config#joinColumns()}): rows sorted on a join column can be
 *     merge-joined;</li>
 * <li>compound pairs of the heaviest {@link Config#pairColumns()} filtered columns, both orders;</li>
 * <li>interleaved keys when several of the heaviest filtered columns are <em>independent</em>: each
 *     filters some statement that does not filter the others, so no one leading column serves
 *     all of them. The best-weighing pair, and the best triple when there is one.</li>
 * </ol>
 * A candidate's weight counts, per statement it serves, the combined selectivity of its filters on
 * the key's columns (independence assumed). Keys are listed once each, baselines first.
 */
public final class WorkloadCandidates
{
    private static final int MAX_EVIDENCE = 10;

    private WorkloadCandidates() {}

    /**
     * How many candidates of each kind.
     *
     * @param filterColumns one-column keys on the heaviest filtered columns
     * @param joinColumns one-column keys on the most-joined columns
     * @param pairColumns compound pairs are drawn from this many of the heaviest filtered columns
     * @param interleavedColumns interleaved keys are drawn from this many of the heaviest filtered columns
     */
    public record Config(int filterColumns, int joinColumns, int pairColumns, int interleavedColumns)
    {
        public Config
        {
            check(filterColumns, "filterColumns");
            check(joinColumns, "joinColumns");
            check(pairColumns, "pairColumns");
            check(interleavedColumns, "interleavedColumns");
        }

        public static Config defaults()
        {
            return new Config(8, 2, 4, 4);
        }

        private static void check(int value, String field)
        {
            if (value < 0 || value > 64) {
                throw CaptureException.invalid("%s must be in 0..64, got %d", field, value);
            }
        }
    }

    public static List<SortKeyCandidate> generate(TableProfile profile, SortKey current, Config config)
    {
        requireNonNull(profile, "profile is null");
        requireNonNull(current, "current is null");
        requireNonNull(config, "config is null");
        List<Statement> statements = profile.workload().statements();
        Map<String, Double> rangeWeight = new TreeMap<>();
        Map<String, Double> pointWeight = new TreeMap<>();
        Map<String, Long> joinRuns = new TreeMap<>();
        for (Statement statement : statements) {
            double bytes = statement.runs() * profile.scanBytes(statement);
            for (String column : filteredColumns(profile, statement)) {
                double skippable = bytes * (1 - profile.selectivity(statement, column));
                (isRange(statement.predicatesOn(column)) ? rangeWeight : pointWeight).merge(column, skippable, Double::sum);
            }
            for (String column : joinedColumns(profile, statement)) {
                joinRuns.merge(column, statement.runs(), Long::sum);
            }
        }
        Map<String, Double> filterWeight = new TreeMap<>(rangeWeight);
        pointWeight.forEach((column, weight) -> filterWeight.merge(column, weight, Double::sum));
        List<String> byWeight = new ArrayList<>(filterWeight.keySet());
        byWeight.sort(Comparator.comparingDouble((String column) -> -filterWeight.get(column)).thenComparing(Comparator.naturalOrder()));
        List<String> byJoins = new ArrayList<>(joinRuns.keySet());
        byJoins.sort(Comparator.comparingLong((String column) -> -joinRuns.get(column)).thenComparing(Comparator.naturalOrder()));

        Map<String, SortKeyCandidate> candidates = new LinkedHashMap<>();
        add(candidates, profile, SortKey.none(), Source.NONE);
        if (!current.isNone() && current.columns().stream().allMatch(profile::hasColumn)) {
            add(candidates, profile, current, Source.CURRENT);
        }
        for (String column : byWeight.subList(0, Math.min(config.filterColumns(), byWeight.size()))) {
            Source source = rangeWeight.getOrDefault(column, 0.0) >= pointWeight.getOrDefault(column, 0.0) ? Source.RANGE_FILTER : Source.EQUALITY_FILTER;
            add(candidates, profile, SortKey.compound(column), source);
        }
        for (String column : byJoins.subList(0, Math.min(config.joinColumns(), byJoins.size()))) {
            add(candidates, profile, SortKey.compound(column), Source.JOIN);
        }
        List<String> pairs = byWeight.subList(0, Math.min(config.pairColumns(), byWeight.size()));
        for (String first : pairs) {
            for (String second : pairs) {
                if (!first.equals(second)) {
                    add(candidates, profile, SortKey.compound(first, second), Source.COMPOUND_PAIR);
                }
            }
        }
        for (SortKey key : interleaved(profile, byWeight.subList(0, Math.min(config.interleavedColumns(), byWeight.size())))) {
            add(candidates, profile, key, Source.INTERLEAVED);
        }
        return List.copyOf(candidates.values());
    }

    /** The best-weighing pair, and triple, of mutually independent filtered columns, if any. */
    private static List<SortKey> interleaved(TableProfile profile, List<String> columns)
    {
        List<SortKey> keys = new ArrayList<>();
        SortKey bestPair = null;
        double bestPairWeight = 0;
        SortKey bestTriple = null;
        double bestTripleWeight = 0;
        for (int a = 0; a < columns.size(); a++) {
            for (int b = a + 1; b < columns.size(); b++) {
                if (!independent(profile, columns.get(a), columns.get(b))) {
                    continue;
                }
                SortKey pair = SortKey.interleaved(List.of(columns.get(a), columns.get(b)));
                double weight = weight(profile, pair);
                if (bestPair == null || weight > bestPairWeight) {
                    bestPair = pair;
                    bestPairWeight = weight;
                }
                for (int c = b + 1; c < columns.size(); c++) {
                    if (independent(profile, columns.get(a), columns.get(c)) && independent(profile, columns.get(b), columns.get(c))) {
                        SortKey triple = SortKey.interleaved(List.of(columns.get(a), columns.get(b), columns.get(c)));
                        double tripleWeight = weight(profile, triple);
                        if (bestTriple == null || tripleWeight > bestTripleWeight) {
                            bestTriple = triple;
                            bestTripleWeight = tripleWeight;
                        }
                    }
                }
            }
        }
        if (bestPair != null) {
            keys.add(bestPair);
        }
        if (bestTriple != null) {
            keys.add(bestTriple);
        }
        return keys;
    }

    // some statement filters a without b, and some other filters b without a
    private static boolean independent(TableProfile profile, String a, String b)
    {
        boolean aAlone = false;
        boolean bAlone = false;
        for (Statement statement : profile.workload().statements()) {
            boolean filtersA = profile.filters(statement, a);
            boolean filtersB = profile.filters(statement, b);
            aAlone |= filtersA && !filtersB;
            bAlone |= filtersB && !filtersA;
        }
        return aAlone && bAlone;
    }

    private static void add(Map<String, SortKeyCandidate> candidates, TableProfile profile, SortKey key, Source source)
    {
        candidates.putIfAbsent(key.toString(), new SortKeyCandidate(key, source, weight(profile, key), evidence(profile, key)));
    }

    /**
     * Bytes the key's filters could let the workload's scans skip: per statement that filters a
     * column of the key, {@code runs × bytes read × (1 − the product of its selectivities on the key's columns)}.
     */
    public static double weight(TableProfile profile, SortKey key)
    {
        double weight = 0;
        for (Statement statement : profile.workload().statements()) {
            double kept = 1;
            boolean any = false;
            for (String column : key.columns()) {
                if (profile.filters(statement, column)) {
                    kept *= profile.selectivity(statement, column);
                    any = true;
                }
            }
            if (any) {
                weight += statement.runs() * profile.scanBytes(statement) * (1 - kept);
            }
        }
        return weight;
    }

    private static List<Evidence> evidence(TableProfile profile, SortKey key)
    {
        record Weighted(Evidence evidence, double weight) {}
        List<Weighted> found = new ArrayList<>();
        for (Statement statement : profile.workload().statements()) {
            List<String> uses = new ArrayList<>();
            for (String column : key.columns()) {
                if (profile.filters(statement, column)) {
                    uses.add((isRange(statement.predicatesOn(column)) ? "range on " : "equality on ") + column);
                }
                for (JoinPair pair : statement.joins()) {
                    if (pair.left().column().equals(column)) {
                        uses.add("join %s = %s".formatted(column, pair.right()));
                    }
                }
            }
            if (!uses.isEmpty()) {
                found.add(new Weighted(new Evidence(statement.fingerprint(), statement.runs(), String.join(", ", uses.stream().distinct().toList())),
                        statement.runs() * Math.max(1, profile.scanBytes(statement))));
            }
        }
        found.sort(Comparator.comparingDouble((Weighted weighted) -> -weighted.weight()).thenComparing(weighted -> weighted.evidence().fingerprint()));
        List<Evidence> evidence = new ArrayList<>();
        for (Weighted weighted : found.subList(0, Math.min(MAX_EVIDENCE, found.size()))) {
            evidence.add(weighted.evidence());
        }
        return evidence;
    }

    private static List<String> filteredColumns(TableProfile profile, Statement statement)
    {
        List<String> columns = new ArrayList<>();
        for (Predicate predicate : statement.predicates()) {
            String column = predicate.column().column();
            if (!columns.contains(column) && profile.filters(statement, column)) {
                columns.add(column);
            }
        }
        return columns;
    }

    private static List<String> joinedColumns(TableProfile profile, Statement statement)
    {
        List<String> columns = new ArrayList<>();
        for (JoinPair pair : statement.joins()) {
            String column = pair.left().column();
            if (!columns.contains(column) && profile.hasColumn(column)) {
                columns.add(column);
            }
        }
        return columns;
    }

    /** Whether a column's filters are ranges rather than points: any bound or prefix makes them a range. */
    static boolean isRange(List<Predicate> predicates)
    {
        for (Predicate predicate : predicates) {
            if (RANGES.contains(predicate.operator())) {
                return true;
            }
        }
        return false;
    }

    private static final Set<PredicateOperator> RANGES = Set.of(PredicateOperator.LESS_THAN, PredicateOperator.LESS_THAN_OR_EQUAL, PredicateOperator.GREATER_THAN,
            PredicateOperator.GREATER_THAN_OR_EQUAL, PredicateOperator.BETWEEN, PredicateOperator.LIKE_PREFIX);
}
