package io.autotable.simulator.workload;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import io.autotable.sql.fingerprint.LexicalFingerprinter;
import io.autotable.workload.QueryEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * A seeded log of the {@code bursty-dashboards} mix, the workload WLM exists for: short dashboard
 * queries arriving in bursts next to long reports, with a logged runtime per run.
 *
 * <ul>
 * <li>Templates: the half of a query set's templates with the shortest text (at least one) are
 *     <em>dashboards</em>, the rest <em>reports</em> (all dashboards for a set of one).</li>
 * <li>Runtimes: each template has a seeded base runtime, log-uniform in 0.5..5 s for a dashboard and
 *     30..300 s for a report; each run takes its template's base times a log-normal factor
 *     ({@code exp(0.3 N(0,1))}), split evenly over the template's statements. The runtime is what
 *     the run would take alone on the cluster: the WLM simulation's service time.</li>
 * <li>Arrivals, each day in business hours (UTC): three runs in four are dashboards, each joining one
 *     of the bursts every 30 minutes from 08:00 to 17:30 (a burst's runs arrive within 5 s of its
 *     start, as a dashboard's tiles do when it is opened or refreshed); the reports arrive half in batches (within 5 minutes of 09:00, 11:00, 13:00, 15:00 and 17:00) and
 *     half uniformly between 08:00 and 18:00.</li>
 * <li>Users {@code dashboard} and {@code report}; templates drawn uniformly within their class, with
 *     parameters varied as the query set varies them.</li>
 * </ul>
 * The same query set, days, runs per day, seed and first day give the same log.
 */
public final class BurstyDashboards
{
    public static final String DASHBOARD_USER = "dashboard";
    public static final String REPORT_USER = "report";

    private static final int BUSINESS_START = 8 * 3600;
    private static final int BUSINESS_END = 18 * 3600;
    private static final int BURST_EVERY = 30 * 60;
    private static final int BURST_SECONDS = 5;
    private static final int[] BATCHES = {9 * 3600, 11 * 3600, 13 * 3600, 15 * 3600, 17 * 3600};
    private static final int BATCH_SECONDS = 5 * 60;

    private BurstyDashboards() {}

    /** A template with its class and base runtime. */
    record Template(QueryTemplate template, boolean dashboard, double baseSeconds) {}

    /**
     * @throws SimulatorException with {@link ErrorCode#INVALID_ARGUMENT} naming a bad value
     */
    public static List<QueryEvent> generate(QuerySet querySet, int days, int runsPerDay, long seed, LocalDate firstDay, String source)
    {
        requireNonNull(querySet, "querySet is null");
        requireNonNull(firstDay, "firstDay is null");
        requireNonNull(source, "source is null");
        if (days < 1 || days > 3_650) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "--days must be in 1..3650, got " + days);
        }
        if (runsPerDay < 1 || runsPerDay > 1_000_000) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "--runs-per-day must be in 1..1000000, got " + runsPerDay);
        }
        SplittableRandom root = new SplittableRandom(seed);
        List<Template> templates = templates(querySet, root.split());
        List<Template> dashboards = templates.stream().filter(Template::dashboard).toList();
        List<Template> reports = templates.stream().filter(template -> !template.dashboard()).toList();
        SplittableRandom timing = root.split();
        SplittableRandom parameters = root.split();
        SplittableRandom runtimes = root.split();
        int bursts = (BUSINESS_END - BUSINESS_START) / BURST_EVERY;

        record Run(Instant start, Template template) {}
        List<Run> schedule = new ArrayList<>(days * runsPerDay);
        for (int day = 0; day < days; day++) {
            Instant midnight = firstDay.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant();
            for (int i = 0; i < runsPerDay; i++) {
                boolean dashboard = reports.isEmpty() || timing.nextDouble() < 0.75;
                double second;
                Template template;
                if (dashboard) {
                    template = dashboards.get(timing.nextInt(dashboards.size()));
                    second = BUSINESS_START + timing.nextInt(bursts) * BURST_EVERY + timing.nextDouble() * BURST_SECONDS;
                }
                else {
                    template = reports.get(timing.nextInt(reports.size()));
                    second = timing.nextBoolean()
                            ? BATCHES[timing.nextInt(BATCHES.length)] + timing.nextDouble() * BATCH_SECONDS
                            : BUSINESS_START + timing.nextDouble() * (BUSINESS_END - BUSINESS_START);
                }
                schedule.add(new Run(midnight.plusNanos((long) (second * 1e6) * 1_000), template));
            }
        }
        schedule.sort(Comparator.comparing(Run::start));
        LexicalFingerprinter fingerprinter = new LexicalFingerprinter();
        List<QueryEvent> events = new ArrayList<>();
        int ordinal = 0;
        for (Run run : schedule) {
            ordinal++;
            List<String> statements = querySet.parameters().choose(run.template().template(), parameters);
            double seconds = run.template().baseSeconds() * Math.exp(0.3 * WorkloadSchedule.gaussian(runtimes));
            long micros = Math.max(1, Math.round(seconds * 1e6 / statements.size()));
            String user = run.template().dashboard() ? DASHBOARD_USER : REPORT_USER;
            for (int i = 0; i < statements.size(); i++) {
                String sql = statements.get(i);
                events.add(QueryEvent.succeeded(source, ordinal + "#" + (i + 1), user, run.start().plusNanos(i * micros * 1_000), micros, 0, sql, fingerprinter.fingerprint(sql)));
            }
        }
        return List.copyOf(events);
    }

    static List<Template> templates(QuerySet querySet, SplittableRandom random)
    {
        List<QueryTemplate> byLength = new ArrayList<>(querySet.templates());
        byLength.sort(Comparator.comparingInt(BurstyDashboards::length).thenComparing(QueryTemplate::name));
        int dashboards = Math.max(1, (byLength.size() + 1) / 2);
        List<Template> templates = new ArrayList<>();
        for (int i = 0; i < byLength.size(); i++) {
            boolean dashboard = i < dashboards;
            double low = dashboard ? 0.5 : 30;
            double high = dashboard ? 5 : 300;
            templates.add(new Template(byLength.get(i), dashboard, low * Math.pow(high / low, random.nextDouble())));
        }
        return templates;
    }

    private static int length(QueryTemplate template)
    {
        int length = 0;
        for (String statement : template.statements()) {
            length += statement.length();
        }
        return length;
    }
}
