package io.autotable.workload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A warehouse's workload: its events grouped by fingerprint, heaviest (most total time) first.
 */
public record Workload(List<QueryGroup> groups)
{
    public Workload
    {
        List<QueryGroup> sorted = new ArrayList<>(requireNonNull(groups, "groups is null"));
        sorted.sort(Comparator.comparingLong(QueryGroup::totalMicros).reversed().thenComparing(QueryGroup::fingerprint));
        groups = List.copyOf(sorted);
    }

    public long statements()
    {
        long total = 0;
        for (QueryGroup group : groups) {
            total += group.count();
        }
        return total;
    }

    public long totalMicros()
    {
        long total = 0;
        for (QueryGroup group : groups) {
            total += group.totalMicros();
        }
        return total;
    }
}
