package io.autotable.advisor;

import io.autotable.error.ErrorCode;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * How the advisor decides.
 *
 * @param kinds the kinds of change to consider
 * @param minBenefitPercent a change is recommended only if it saves at least this much of the
 *        baseline's simulated workload time (an encoding change may instead save storage)
 * @param minStorageSavingPercent an encoding change that saves no time is still recommended when it
 *        shrinks the table by at least this much without making the workload slower
 * @param topQueries the workload's heaviest statements checked for regressions
 * @param evidence statements listed as evidence per recommendation
 * @param excluded per table, the kinds of change the user excluded ({@code autotable exclude}): the
 *        advisor keeps those settings as they are
 */
public record AdvisorConfig(Set<Recommendation.Kind> kinds, double minBenefitPercent, double minStorageSavingPercent, int topQueries, int evidence,
        Map<String, Set<Recommendation.Kind>> excluded)
{
    public AdvisorConfig(Set<Recommendation.Kind> kinds, double minBenefitPercent, double minStorageSavingPercent, int topQueries, int evidence)
    {
        this(kinds, minBenefitPercent, minStorageSavingPercent, topQueries, evidence, Map.of());
    }

    public AdvisorConfig
    {
        requireNonNull(kinds, "kinds is null");
        if (kinds.isEmpty()) {
            throw new AdvisorException(ErrorCode.INVALID_ARGUMENT, "advisor configuration: kinds must name at least one kind of change");
        }
        kinds = Set.copyOf(kinds);
        check(minBenefitPercent >= 0 && minBenefitPercent < 100, "minBenefitPercent", "in [0, 100)", minBenefitPercent);
        check(minStorageSavingPercent >= 0 && minStorageSavingPercent < 100, "minStorageSavingPercent", "in [0, 100)", minStorageSavingPercent);
        check(topQueries >= 1, "topQueries", ">= 1", topQueries);
        check(evidence >= 1, "evidence", ">= 1", evidence);
        Map<String, Set<Recommendation.Kind>> copy = new TreeMap<>();
        requireNonNull(excluded, "excluded is null").forEach((table, excludedKinds) -> copy.put(table, Set.copyOf(excludedKinds)));
        excluded = Collections.unmodifiableMap(copy);
    }

    /** Whether the advisor may change this setting of this table. */
    public boolean allows(String table, Recommendation.Kind kind)
    {
        return kinds.contains(kind) && !excluded.getOrDefault(table, Set.of()).contains(kind);
    }

    public static AdvisorConfig defaults()
    {
        return new AdvisorConfig(EnumSet.allOf(Recommendation.Kind.class), 0.5, 10, 10, 3);
    }

    public AdvisorConfig withKinds(Set<Recommendation.Kind> newKinds)
    {
        return new AdvisorConfig(newKinds, minBenefitPercent, minStorageSavingPercent, topQueries, evidence, excluded);
    }

    public AdvisorConfig withMinBenefitPercent(double percent)
    {
        return new AdvisorConfig(kinds, percent, minStorageSavingPercent, topQueries, evidence, excluded);
    }

    public AdvisorConfig withExcluded(Map<String, Set<Recommendation.Kind>> newExcluded)
    {
        return new AdvisorConfig(kinds, minBenefitPercent, minStorageSavingPercent, topQueries, evidence, newExcluded);
    }

    private static void check(boolean valid, String field, String expected, Object value)
    {
        if (!valid) {
            throw new AdvisorException(ErrorCode.INVALID_ARGUMENT, "advisor configuration: %s must be %s, got %s".formatted(field, expected, value));
        }
    }
}
