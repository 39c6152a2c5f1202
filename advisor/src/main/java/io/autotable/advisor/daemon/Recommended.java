package io.autotable.advisor.daemon;

import io.autotable.advisor.Recommendation;
import io.autotable.advisor.Recommendation.Evidence;
import io.autotable.advisor.Recommendation.Kind;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What the daemon keeps of a {@link Recommendation}: what it changes, what it saves, why, and its
 * evidence. Unlike a recommendation it carries no table designs or DDL, so a store can keep it as
 * plain values and read it back whole.
 *
 * @param id the recommendation's id within its run ({@code R1}, ...)
 * @param group recommendations with the same group are applied together or not at all
 */
public record Recommended(String id, String table, Kind kind, String from, String to, double benefitPercent, String group, String reason, List<Evidence> evidence)
{
    public Recommended
    {
        requireNonNull(id, "id is null");
        requireNonNull(table, "table is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(group, "group is null");
        requireNonNull(reason, "reason is null");
        evidence = List.copyOf(requireNonNull(evidence, "evidence is null"));
    }

    public static Recommended of(Recommendation recommendation)
    {
        return new Recommended(recommendation.id(), recommendation.table(), recommendation.kind(), recommendation.from(), recommendation.to(),
                recommendation.benefitPercent(), recommendation.group(), recommendation.reason(), recommendation.evidence());
    }

    /** The same change across runs: the same table, kind and target, whatever its id or saving. */
    public Key key()
    {
        return new Key(table, kind, to);
    }

    /** A recommendation's identity across runs. */
    public record Key(String table, Kind kind, String to)
    {
        public Key
        {
            requireNonNull(table, "table is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(to, "to is null");
        }
    }
}
