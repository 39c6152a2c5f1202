package io.autotable.simulator.workload;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import io.autotable.sql.fingerprint.LexicalFingerprinter;
import io.autotable.workload.QueryEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * A seeded event log of a benchmark's queries, without running them: the {@link WorkloadSchedule}
 * of a {@link QuerySet}'s templates (Zipf mix, daily cycle, varied parameters), with a drift
 * scenario of its {@link DriftStatements} taking over part of the second half. From the first day
 * of drift ({@code days / 2}, day 0 for a one-day log) a run is replaced by one of the scenario's
 * statements with probability 20% on that day, 10 points more each day after, at most 60%.
 *
 * <p>Events are succeeded runs with duration 0 and 0 rows (nothing ran: {@code autotable replay}
 * simulates their time); the source names the benchmark, the query files' fingerprint when the
 * templates are not autotable's own, the seed and the scenario, so generating the same log twice
 * into a workspace adds nothing twice.
 */
public final class WorkloadGenerator
{
    public static final String USER = "analyst";
    public static final String DRIFT_USER = "drift";

    private WorkloadGenerator() {}

    /**
     * @throws SimulatorException with {@link ErrorCode#INVALID_ARGUMENT} for a drift scenario the benchmark has no statements for
     */
    public static List<QueryEvent> generate(QuerySet querySet, int days, int runsPerDay, long seed, LocalDate firstDay, DriftScenario drift)
    {
        requireNonNull(querySet, "querySet is null");
        requireNonNull(drift, "drift is null");
        querySet.drift().checkApplies(drift, querySet.benchmark());
        List<ScheduledQuery> schedule = WorkloadSchedule.create(querySet, days, runsPerDay, seed, firstDay);
        String source = source(querySet, days, runsPerDay, seed, drift);
        SplittableRandom random = new SplittableRandom(seed).split();
        int driftStart = days == 1 ? 0 : days / 2;
        Instant midnight = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        LexicalFingerprinter fingerprinter = new LexicalFingerprinter();
        List<QueryEvent> events = new ArrayList<>(schedule.size() + 16);
        int ordinal = 0;
        for (ScheduledQuery query : schedule) {
            int day = (int) ChronoUnit.DAYS.between(midnight, query.start());
            List<String> statements = query.statements();
            String user = USER;
            if (drift != DriftScenario.NONE && day >= driftStart) {
                double share = Math.min(0.6, 0.2 + 0.1 * (day - driftStart));
                if (random.nextDouble() < share) {
                    statements = List.of(querySet.drift().statement(drift, random));
                    user = DRIFT_USER;
                }
            }
            ordinal++;
            for (int i = 0; i < statements.size(); i++) {
                String sql = statements.get(i);
                events.add(QueryEvent.succeeded(source, ordinal + "#" + (i + 1), user, query.start().plusNanos(i * 1_000L), 0, 0, sql, fingerprinter.fingerprint(sql)));
            }
        }
        return List.copyOf(events);
    }

    /**
     * A log of another mix than the default Zipf one; {@link WorkloadMix#ZIPF} is {@link #generate(QuerySet, int, int, long, LocalDate, DriftScenario)}.
     *
     * @throws SimulatorException with {@link ErrorCode#INVALID_ARGUMENT} for a drift scenario with a mix other than {@code zipf}
     */
    public static List<QueryEvent> generate(QuerySet querySet, int days, int runsPerDay, long seed, LocalDate firstDay, DriftScenario drift, WorkloadMix mix)
    {
        requireNonNull(mix, "mix is null");
        if (mix == WorkloadMix.ZIPF) {
            return generate(querySet, days, runsPerDay, seed, firstDay, drift);
        }
        if (drift != DriftScenario.NONE) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "--drift %s applies to the zipf mix only, not to --mix %s".formatted(drift.cliName(), mix.cliName()));
        }
        return BurstyDashboards.generate(querySet, days, runsPerDay, seed, firstDay, source(querySet, days, runsPerDay, seed, drift) + ":mix=" + mix.cliName());
    }

    /** {@code generate:BENCHMARK[:queries=FINGERPRINT]:seed=S:drift=D:days=N:runs=R}: the same request gives the same source. */
    static String source(QuerySet querySet, int days, int runsPerDay, long seed, DriftScenario drift)
    {
        String origin = querySet.origin().equals("shipped") ? "" : ":" + querySet.origin();
        return "generate:%s%s:seed=%d:drift=%s:days=%d:runs=%d".formatted(querySet.benchmark(), origin, seed, drift.cliName(), days, runsPerDay);
    }
}
