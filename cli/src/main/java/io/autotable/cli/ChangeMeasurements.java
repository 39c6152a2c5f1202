package io.autotable.cli;

import io.autotable.advisor.apply.ChangeLog;
import io.autotable.advisor.apply.ChangeRecord;
import io.autotable.advisor.apply.ChangeState;
import io.autotable.analysis.WorkloadAnalysis;
import io.autotable.design.PhysicalDesign;
import io.autotable.json.Json;
import io.autotable.repository.EventSpan;
import io.autotable.repository.EventWindow;
import io.autotable.repository.JournalEntry;
import io.autotable.repository.WorkloadRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The measured effect of applied changes: the workload that arrived after a change (its last
 * {@code lookback} at most) replayed in the simulator on the design before the change and on the
 * design now. Measurements are journaled ({@value #ACTION}) and measured again only when new
 * workload has arrived.
 */
final class ChangeMeasurements
{
    static final String ACTION = "change-measured";

    /**
     * One measurement.
     *
     * @param from the first event time measured: the change's end, or the window's start if later
     * @param to the end of the window: just after the last event
     * @param statements the statement runs (events) in the window
     * @param oldSeconds the window's simulated seconds on the design before the change
     * @param newSeconds on the design now
     * @param changePercent how much the change changed the simulated time, negative when it saves: -12.5 for 12.5% less
     */
    record Measured(String changeId, Instant from, Instant to, long statements, double oldSeconds, double newSeconds, double changePercent)
    {
        Measured
        {
            requireNonNull(changeId, "changeId is null");
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
        }

        static Measured of(String changeId, Instant from, Instant to, long statements, double oldSeconds, double newSeconds)
        {
            return new Measured(changeId, from, to, statements, oldSeconds, newSeconds, oldSeconds == 0 ? 0 : (newSeconds - oldSeconds) / oldSeconds * 100);
        }
    }

    private ChangeMeasurements() {}

    /** The newest measurement of each change, from the journal. */
    static Map<String, Measured> stored(WorkloadRepository repository)
    {
        Map<String, Measured> measured = new HashMap<>();
        for (JournalEntry entry : repository.journal()) {
            if (entry.action().equals(ACTION)) {
                Measured one = Json.read(entry.detail(), Measured.class, "journal entry " + entry.id());
                measured.put(one.changeId(), one);
            }
        }
        return measured;
    }

    /**
     * Measures every change still in effect (done, and the table's design is still its target)
     * whose newest measurement is older than the newest workload, journals the new measurements
     * and returns them all.
     *
     * @param cost made only when something needs measuring: it lays out the warehouse's tables
     */
    static Map<String, Measured> measure(WorkloadRepository repository, Supplier<WindowCost> cost, Duration lookback)
    {
        Map<String, Measured> measured = stored(repository);
        Optional<EventSpan> span = repository.eventSpan();
        if (span.isEmpty()) {
            return measured;
        }
        Instant end = span.get().last().plusMillis(1);
        PhysicalDesign now = repository.design();
        WindowCost windowCost = null;
        for (ChangeRecord change : inEffect(ChangeLog.read(repository), now)) {
            Instant finished = change.finished().orElseThrow();
            Instant from = finished.isBefore(end.minus(lookback)) ? end.minus(lookback) : finished;
            Measured previous = measured.get(change.changeId());
            if (!from.isBefore(end) || previous != null && !previous.to().isBefore(end)) {
                continue;
            }
            if (windowCost == null) {
                windowCost = cost.get();
            }
            EventWindow window = EventWindow.between(from, end);
            WorkloadAnalysis analysis = windowCost.analysis(window);
            if (analysis.parsed() == 0) {
                continue;
            }
            long statements = analysis.statements();
            double oldSeconds = windowCost.seconds(window, now.with(change.table(), change.plan().from()));
            double newSeconds = windowCost.seconds(window, now);
            Measured one = Measured.of(change.changeId(), from, end, statements, oldSeconds, newSeconds);
            repository.appendJournal(JournalEntry.of(ACTION, Optional.of(change.table()), Json.write(one)));
            measured.put(one.changeId(), one);
        }
        return measured;
    }

    /** The newest done change of each table whose design is still that change's target. */
    static List<ChangeRecord> inEffect(ChangeLog log, PhysicalDesign now)
    {
        Map<String, ChangeRecord> newest = new HashMap<>();
        for (ChangeRecord change : log.changes()) {
            if (change.state() == ChangeState.DONE) {
                newest.put(change.table(), change);
            }
        }
        return newest.values().stream()
                .filter(change -> now.table(change.table()).equals(change.plan().to()))
                .sorted((left, right) -> left.begun().compareTo(right.begun()))
                .toList();
    }
}
