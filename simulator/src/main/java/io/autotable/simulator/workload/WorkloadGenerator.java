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
import java.util.Locale;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * A seeded event log of a benchmark's queries, without running them: the {@link WorkloadSchedule}
 * of the benchmark's shipped templates (Zipf mix, daily cycle, varied parameters), with a drift
 * scenario taking over part of the second half. From the first day of drift ({@code days / 2},
 * day 0 for a one-day log) a run is replaced by one of the scenario's statements with probability
 * 20% on that day, 10 points more each day after, at most 60%.
 *
 * <p>Events are succeeded runs with duration 0 and 0 rows (nothing ran: {@code autotable replay}
 * simulates their time); the source names the benchmark, seed and scenario, so generating the
 * same log twice into a workspace adds nothing twice.
 */
public final class WorkloadGenerator
{
    public static final String USER = "analyst";
    public static final String DRIFT_USER = "drift";

    private static final LocalDate DRIFT_FIRST = LocalDate.of(1993, 1, 1);
    private static final int DRIFT_MONTHS = 60;

    private WorkloadGenerator() {}

    public static List<QueryEvent> generate(String benchmark, int days, int runsPerDay, long seed, LocalDate firstDay, DriftScenario drift)
    {
        requireNonNull(drift, "drift is null");
        List<QueryTemplate> templates = BenchmarkQueries.forBenchmark(benchmark);
        List<ScheduledQuery> schedule = WorkloadSchedule.create(templates, days, runsPerDay, seed, firstDay);
        String source = "generate:%s:seed=%d:drift=%s:days=%d:runs=%d".formatted(benchmark.strip().toLowerCase(Locale.ROOT), seed, drift.cliName(), days, runsPerDay);
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
                    statements = List.of(driftStatement(drift, random));
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

    static String driftStatement(DriftScenario drift, SplittableRandom random)
    {
        LocalDate from = DRIFT_FIRST.plusMonths(random.nextInt(DRIFT_MONTHS));
        LocalDate to = from.plusMonths(random.nextInt(1, 4));
        return switch (drift) {
            case NEW_JOIN_PATH -> random.nextBoolean()
                    ? """
                    SELECT ps_partkey, sum(l_quantity) AS shipped, min(ps_supplycost) AS cost
                    FROM lineitem JOIN partsupp ON l_partkey = ps_partkey AND l_suppkey = ps_suppkey
                    WHERE l_shipdate >= DATE '%s' AND l_shipdate < DATE '%s'
                    GROUP BY ps_partkey""".formatted(from, to)
                    : """
                    SELECT c_nationkey, count(*) AS pairs
                    FROM customer JOIN supplier ON c_nationkey = s_nationkey
                    WHERE c_mktsegment = '%s'
                    GROUP BY c_nationkey""".formatted(SEGMENTS[random.nextInt(SEGMENTS.length)]);
            case FILTER_SHIFT -> switch (random.nextInt(3)) {
                case 0 -> """
                        SELECT l_returnflag, l_linestatus, sum(l_extendedprice * (1 - l_discount)) AS revenue
                        FROM lineitem
                        WHERE l_receiptdate >= DATE '%s' AND l_receiptdate < DATE '%s'
                        GROUP BY l_returnflag, l_linestatus""".formatted(from, to);
                case 1 -> """
                        SELECT l_shipmode, count(*) AS late
                        FROM lineitem
                        WHERE l_commitdate >= DATE '%s' AND l_commitdate < DATE '%s'
                        GROUP BY l_shipmode""".formatted(from, to);
                default -> """
                        SELECT o_orderpriority, count(*) AS orders, sum(o_totalprice) AS total
                        FROM orders
                        WHERE o_orderpriority = '%s' AND o_totalprice > %d
                        GROUP BY o_orderpriority""".formatted(PRIORITIES[random.nextInt(PRIORITIES.length)], random.nextInt(1_000, 400_000));
            };
            case HEAVY_WRITES -> random.nextInt(3) == 0
                    ? "INSERT INTO partsupp (ps_partkey, ps_suppkey, ps_availqty, ps_supplycost, ps_comment) VALUES (%d, %d, %d, %d.%02d, 'new offer')"
                            .formatted(random.nextInt(1, 200_001), random.nextInt(1, 10_001), random.nextInt(1, 10_000), random.nextInt(1, 1_000), random.nextInt(100))
                    : "UPDATE partsupp SET ps_availqty = ps_availqty - %d WHERE ps_partkey = %d".formatted(random.nextInt(1, 50), random.nextInt(1, 200_001));
            case NONE -> throw new SimulatorException(ErrorCode.INTERNAL, "no drift statement without a drift scenario");
        };
    }

    private static final String[] SEGMENTS = {"AUTOMOBILE", "BUILDING", "FURNITURE", "HOUSEHOLD", "MACHINERY"};
    private static final String[] PRIORITIES = {"1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECIFIED", "5-LOW"};
}
