package io.autotable.simulator.workload;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * A seeded schedule of benchmark queries over simulated days, the way a warehouse sees them: a few
 * queries run far more often than the rest, most run in business hours, and each run has its own
 * parameters.
 *
 * <ul>
 * <li>Frequencies: the templates are ranked by a seeded shuffle and drawn with Zipf weights
 *     {@code 1 / rank^1.1}, so the top few queries make up most of the runs.</li>
 * <li>Daily cycle: three runs in four start around 13:00 UTC (normal, standard deviation 2.5 h),
 *     the rest at any time of day.</li>
 * <li>Parameters: each run's are chosen by the query set's {@link QueryParameters}.</li>
 * </ul>
 *
 * The same query set, days, runs per day, seed and first day give the same schedule.
 */
public final class WorkloadSchedule
{
    static final double ZIPF_EXPONENT = 1.1;

    private WorkloadSchedule() {}

    /**
     * @param firstDay the first simulated day (UTC)
     * @throws SimulatorException with {@link ErrorCode#INVALID_ARGUMENT} naming a bad value
     */
    public static List<ScheduledQuery> create(QuerySet querySet, int days, int runsPerDay, long seed, LocalDate firstDay)
    {
        requireNonNull(querySet, "querySet is null");
        requireNonNull(firstDay, "firstDay is null");
        if (days < 1 || days > 3_650) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "--days must be in 1..3650, got " + days);
        }
        if (runsPerDay < 1 || runsPerDay > 1_000_000) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "--runs-per-day must be in 1..1000000, got " + runsPerDay);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<QueryTemplate> ranked = shuffled(querySet.templates(), random.split());
        double[] cumulative = zipfCumulative(ranked.size());
        SplittableRandom timing = random.split();
        SplittableRandom parameters = random.split();
        SplittableRandom choice = random.split();
        List<ScheduledQuery> schedule = new ArrayList<>(days * runsPerDay);
        for (int day = 0; day < days; day++) {
            Instant midnight = firstDay.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant();
            for (int run = 0; run < runsPerDay; run++) {
                QueryTemplate template = ranked.get(pick(cumulative, choice.nextDouble()));
                long micros = secondOfDay(timing) * 1_000_000L + timing.nextLong(1_000_000L);
                schedule.add(new ScheduledQuery(midnight.plusNanos(micros * 1_000), template.name(), querySet.parameters().choose(template, parameters)));
            }
        }
        schedule.sort(Comparator.comparing(ScheduledQuery::start));
        return List.copyOf(schedule);
    }

    private static List<QueryTemplate> shuffled(List<QueryTemplate> templates, SplittableRandom random)
    {
        List<QueryTemplate> ranked = new ArrayList<>(templates);
        for (int i = ranked.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            QueryTemplate swap = ranked.get(i);
            ranked.set(i, ranked.get(j));
            ranked.set(j, swap);
        }
        return ranked;
    }

    static double[] zipfCumulative(int size)
    {
        double[] cumulative = new double[size];
        double total = 0;
        for (int rank = 0; rank < size; rank++) {
            total += 1 / Math.pow(rank + 1, ZIPF_EXPONENT);
            cumulative[rank] = total;
        }
        for (int rank = 0; rank < size; rank++) {
            cumulative[rank] /= total;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, double u)
    {
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    private static long secondOfDay(SplittableRandom random)
    {
        if (random.nextDouble() < 0.75) {
            double hours = 13 + 2.5 * gaussian(random);
            return (long) (Math.floorMod((long) (hours * 3600), 86_400L));
        }
        return random.nextLong(86_400L);
    }

    // Box-Muller: SplittableRandom has no nextGaussian on Java 17
    static double gaussian(SplittableRandom random)
    {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
