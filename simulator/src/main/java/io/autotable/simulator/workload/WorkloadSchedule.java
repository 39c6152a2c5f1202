package io.autotable.simulator.workload;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * <li>Parameters, in the spirit of TPC-H's qgen: every {@code DATE 'yyyy-mm-dd'} literal of a
 *     query moves by the same seeded number of months (at most 24), keeping all of them inside
 *     TPC-H's date range 1992-01-01 .. 1998-12-31; q1's {@code INTERVAL 'n' DAY} takes a delta in
 *     60..120 as the specification says. Other parameters keep their validation values.</li>
 * </ul>
 *
 * The same templates, days, runs per day, seed and first day give the same schedule.
 */
public final class WorkloadSchedule
{
    static final double ZIPF_EXPONENT = 1.1;
    private static final LocalDate FIRST_DATE = LocalDate.of(1992, 1, 1);
    private static final LocalDate LAST_DATE = LocalDate.of(1998, 12, 31);
    private static final int MAX_SHIFT_MONTHS = 24;
    private static final Pattern DATE_LITERAL = Pattern.compile("(?i)DATE\\s+'(\\d{4}-\\d{2}-\\d{2})'");
    private static final Pattern DAY_INTERVAL = Pattern.compile("(?i)INTERVAL\\s+'(\\d+)'\\s+DAY");

    private WorkloadSchedule() {}

    /**
     * @param firstDay the first simulated day (UTC)
     * @throws SimulatorException with {@link ErrorCode#INVALID_ARGUMENT} naming a bad value
     */
    public static List<ScheduledQuery> create(List<QueryTemplate> templates, int days, int runsPerDay, long seed, LocalDate firstDay)
    {
        requireNonNull(templates, "templates is null");
        requireNonNull(firstDay, "firstDay is null");
        if (templates.isEmpty()) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "a schedule needs at least one query template");
        }
        if (days < 1 || days > 3_650) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "--days must be in 1..3650, got " + days);
        }
        if (runsPerDay < 1 || runsPerDay > 1_000_000) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "--runs-per-day must be in 1..1000000, got " + runsPerDay);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<QueryTemplate> ranked = shuffled(templates, random.split());
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
                schedule.add(new ScheduledQuery(midnight.plusNanos(micros * 1_000), template.name(), vary(template, parameters)));
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
    private static double gaussian(SplittableRandom random)
    {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static List<String> vary(QueryTemplate template, SplittableRandom random)
    {
        LocalDate earliest = null;
        LocalDate latest = null;
        for (String statement : template.statements()) {
            Matcher matcher = DATE_LITERAL.matcher(statement);
            while (matcher.find()) {
                LocalDate date = LocalDate.parse(matcher.group(1));
                earliest = earliest == null || date.isBefore(earliest) ? date : earliest;
                latest = latest == null || date.isAfter(latest) ? date : latest;
            }
        }
        int shift = 0;
        if (earliest != null) {
            int down = (int) Math.min(MAX_SHIFT_MONTHS, monthsBetween(FIRST_DATE, earliest));
            int up = (int) Math.min(MAX_SHIFT_MONTHS, monthsBetween(latest, LAST_DATE));
            shift = random.nextInt(-Math.max(down, 0), Math.max(up, 0) + 1);
        }
        int delta = random.nextInt(60, 121);
        List<String> varied = new ArrayList<>(template.statements().size());
        for (String statement : template.statements()) {
            String text = shiftDates(statement, shift);
            if (template.name().equals("q1")) {
                text = DAY_INTERVAL.matcher(text).replaceAll("INTERVAL '" + delta + "' DAY");
            }
            varied.add(text);
        }
        return varied;
    }

    private static long monthsBetween(LocalDate from, LocalDate to)
    {
        return java.time.temporal.ChronoUnit.MONTHS.between(from, to);
    }

    private static String shiftDates(String statement, int months)
    {
        if (months == 0) {
            return statement;
        }
        Matcher matcher = DATE_LITERAL.matcher(statement);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            LocalDate shifted = LocalDate.parse(matcher.group(1)).plusMonths(months);
            matcher.appendReplacement(out, "DATE '" + shifted.format(DateTimeFormatter.ISO_LOCAL_DATE) + "'");
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
