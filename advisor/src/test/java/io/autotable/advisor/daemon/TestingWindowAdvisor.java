package io.autotable.advisor.daemon;

import io.autotable.advisor.Advice;
import io.autotable.advisor.Recommendation;
import io.autotable.advisor.Recommendation.Kind;
import io.autotable.design.DistStyle;
import io.autotable.design.Encoding;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A {@link WindowAdvisor} whose answers are scripted: the proposals as a function of the window and
 * the current design, the cost as a function of the hour and the design. A proposal that would not
 * change the current design is dropped, as the real advisor recommends no change that is in place.
 */
public final class TestingWindowAdvisor
        implements WindowAdvisor
{
    private final Script script;
    private final HourlyCost cost;
    private final List<Instant> advised = new ArrayList<>();

    @FunctionalInterface
    public interface Script
    {
        List<Proposal> proposals(Instant from, Instant to, PhysicalDesign current);
    }

    @FunctionalInterface
    public interface HourlyCost
    {
        double seconds(Instant hour, PhysicalDesign design);
    }

    /**
     * A scripted recommendation.
     *
     * @param setting a design holding the proposed setting of the kind (its other settings are ignored)
     */
    public record Proposal(String table, Kind kind, TableDesign setting, double benefitPercent, Optional<String> group)
    {
        public Proposal
        {
            requireNonNull(table, "table is null");
            requireNonNull(kind, "kind is null");
            requireNonNull(setting, "setting is null");
            requireNonNull(group, "group is null");
        }

        public Proposal inGroup(String newGroup)
        {
            return new Proposal(table, kind, setting, benefitPercent, Optional.of(newGroup));
        }
    }

    public TestingWindowAdvisor(Script script, HourlyCost cost)
    {
        this.script = requireNonNull(script, "script is null");
        this.cost = requireNonNull(cost, "cost is null");
    }

    /** Advice that is the same whatever the window. */
    public static TestingWindowAdvisor constant(Proposal... proposals)
    {
        return new TestingWindowAdvisor((from, to, current) -> List.of(proposals), (hour, design) -> 0);
    }

    public static Proposal sortKey(String table, String column, double benefitPercent)
    {
        return new Proposal(table, Kind.SORTKEY, TableDesign.initial().withSortKey(SortStyle.COMPOUND, List.of(column)), benefitPercent, Optional.empty());
    }

    public static Proposal distKey(String table, String column, double benefitPercent)
    {
        return new Proposal(table, Kind.DISTRIBUTION, TableDesign.initial().withDistribution(DistStyle.KEY, Optional.of(column)), benefitPercent, Optional.empty());
    }

    public static Proposal encoding(String table, String column, Encoding encoding, double benefitPercent)
    {
        return new Proposal(table, Kind.ENCODING, TableDesign.initial().withEncodings(Map.of(column, encoding)), benefitPercent, Optional.empty());
    }

    /** The ends of the windows advised on, in order. */
    public List<Instant> advised()
    {
        return List.copyOf(advised);
    }

    @Override
    public Advice advise(Instant from, Instant to, PhysicalDesign current)
    {
        advised.add(to);
        List<Recommendation> recommendations = new ArrayList<>();
        for (Proposal proposal : script.proposals(from, to, current)) {
            TableDesign before = current.table(proposal.table());
            TableDesign after = TableSettings.withSetting(before, proposal.kind(), proposal.setting());
            if (after.equals(before)) {
                continue;
            }
            String id = "R" + (recommendations.size() + 1);
            recommendations.add(new Recommendation(id, proposal.table(), proposal.kind(),
                    TableSettings.setting(before, proposal.kind()), TableSettings.setting(after, proposal.kind()),
                    proposal.benefitPercent(), new Recommendation.Benefit(proposal.benefitPercent(), 0, 0, 0),
                    List.of(new Recommendation.Evidence("f-" + proposal.table(), 10, 0.5, 2.0, 1.0, "SELECT * FROM " + proposal.table())),
                    List.of(), new Recommendation.Confidence("high", 0.5, 1, 1), proposal.group().orElse("G-" + id), Map.of(),
                    "scripted", before, after));
        }
        double seconds = simulatedSeconds(from, to, current);
        Advice.Totals totals = new Advice.Totals(seconds, 0, 0, 0);
        return new Advice(totals, totals, recommendations, List.of(), List.of(), current);
    }

    @Override
    public double simulatedSeconds(Instant from, Instant to, PhysicalDesign design)
    {
        double seconds = 0;
        for (Instant hour = from; hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
            seconds += cost.seconds(hour, design);
        }
        return seconds;
    }
}
