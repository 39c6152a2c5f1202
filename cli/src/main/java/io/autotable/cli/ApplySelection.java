package io.autotable.cli;

import io.autotable.advisor.daemon.TableSettings;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.TableDesign;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.repository.AdviceRun;
import io.autotable.repository.Exclusion;
import io.autotable.repository.WorkloadRepository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Which recommendations {@code apply} carries out, checked and grouped into one change per table:
 * each table's chosen recommendations are composed onto its current design setting by setting.
 */
final class ApplySelection
{
    /**
     * One table's change.
     *
     * @param recommendations the recommendations it carries, in their order
     */
    record TableChange(String table, TableDesign from, TableDesign to, List<AdviceRuns.Stored> recommendations)
    {
        TableChange
        {
            requireNonNull(table, "table is null");
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
            recommendations = List.copyOf(requireNonNull(recommendations, "recommendations is null"));
        }

        List<String> ids()
        {
            return recommendations.stream().map(AdviceRuns.Stored::id).toList();
        }

        double predictedBenefitPercent()
        {
            return recommendations.stream().mapToDouble(stored -> stored.body().benefitPercent()).sum();
        }
    }

    private ApplySelection() {}

    /**
     * The changes that apply the given recommendations ({@code R1}, or {@code A3:R1}), or every
     * pending one of the newest advice run when none is given.
     *
     * @throws CaptureException naming the recommendation when one cannot be applied: unknown,
     *         already applied, excluded, made for a design the table no longer has, or part of a
     *         group whose other members were not chosen
     */
    static List<TableChange> select(WorkloadRepository repository, List<String> ids)
    {
        AdviceRun run = ids.isEmpty()
                ? AdviceRuns.latest(repository).orElseThrow(() -> new CaptureException(ErrorCode.INVALID_ARGUMENT,
                        "no advice has been recorded in this workspace yet: run 'autotable advise' first"))
                : AdviceRuns.runOf(repository, ids.get(0));
        List<AdviceRuns.Stored> all = AdviceRuns.recommendations(repository, run);
        Map<String, AdviceRuns.Stored> byId = new LinkedHashMap<>();
        all.forEach(stored -> byId.put(stored.id(), stored));

        Set<String> chosen = new LinkedHashSet<>();
        if (ids.isEmpty()) {
            all.stream().filter(stored -> stored.stored().status().equals(AdviceRuns.PENDING)).forEach(stored -> chosen.add(stored.id()));
        }
        for (String id : ids) {
            AdviceRun named = AdviceRuns.runOf(repository, id);
            if (named.runNo() != run.runNo()) {
                throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "%s and %s are from different advice runs (%s, %s): apply one run's recommendations at a time"
                        .formatted(ids.get(0), id, run.id(), named.id()));
            }
            String local = id.substring(id.indexOf(':') + 1);
            AdviceRuns.Stored stored = byId.get(local);
            if (stored == null) {
                throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "run %s has no recommendation %s (it has %s): 'autotable status' lists the pending ones"
                        .formatted(run.id(), local, byId.isEmpty() ? "none" : String.join(", ", byId.keySet())));
            }
            if (!stored.stored().status().equals(AdviceRuns.PENDING)) {
                throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "%s:%s is %s already: 'autotable status' shows its change".formatted(run.id(), local, stored.stored().status()));
            }
            chosen.add(local);
        }
        if (chosen.isEmpty()) {
            throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "run %s has no pending recommendation to apply: run 'autotable advise' for new advice".formatted(run.id()));
        }

        List<Exclusion> exclusions = repository.exclusions();
        PhysicalDesign current = repository.design();
        Map<String, List<AdviceRuns.Stored>> byTable = new LinkedHashMap<>();
        for (String id : chosen) {
            AdviceRuns.Stored stored = byId.get(id);
            AdviceRuns.Body body = stored.body();
            for (AdviceRuns.Stored other : all) {
                if (other.body().group().equals(body.group()) && !chosen.contains(other.id()) && other.stored().status().equals(AdviceRuns.PENDING)) {
                    throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "%s must be applied together with %s (group %s: the saving needs them all): add %s"
                            .formatted(id, other.id(), body.group(), other.id()));
                }
            }
            if (exclusions.stream().anyMatch(exclusion -> exclusion.covers(body.table(), body.kind().label()))) {
                throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "%s changes the %s of %s, which is excluded: 'autotable exclude %s --remove' allows it again"
                        .formatted(id, body.kind().label(), body.table(), body.table()));
            }
            TableDesign now = current.table(body.table());
            if (!TableSettings.setting(body.before(), body.kind()).equals(TableSettings.setting(now, body.kind()))) {
                throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "%s was recommended for %s's %s as it was then (%s); the table has changed since: run 'autotable advise' again"
                        .formatted(id, body.table(), body.kind().label(), body.from()));
            }
            byTable.computeIfAbsent(body.table(), ignored -> new ArrayList<>()).add(stored);
        }
        List<TableChange> changes = new ArrayList<>();
        byTable.forEach((table, recommendations) -> {
            TableDesign from = current.table(table);
            TableDesign to = from;
            for (AdviceRuns.Stored stored : recommendations) {
                to = TableSettings.withSetting(to, stored.body().kind(), stored.body().after());
            }
            changes.add(new TableChange(table, from, to, recommendations));
        });
        return changes;
    }
}
