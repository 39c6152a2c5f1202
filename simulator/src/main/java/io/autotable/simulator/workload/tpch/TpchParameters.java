package io.autotable.simulator.workload.tpch;

import io.autotable.simulator.workload.QueryParameters;
import io.autotable.simulator.workload.QueryTemplate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TPC-H's parameters in the spirit of its qgen: every {@code DATE 'yyyy-mm-dd'} literal of a
 * query moves by the same seeded number of months (at most 24), keeping all of them inside
 * TPC-H's date range 1992-01-01 .. 1998-12-31; q1's {@code INTERVAL 'n' DAY} takes a delta in
 * 60..120 as the specification says. Other parameters keep their validation values.
 */
public final class TpchParameters
        implements QueryParameters
{
    public static final LocalDate FIRST_DATE = LocalDate.of(1992, 1, 1);
    public static final LocalDate LAST_DATE = LocalDate.of(1998, 12, 31);

    private static final int MAX_SHIFT_MONTHS = 24;
    private static final Pattern DATE_LITERAL = Pattern.compile("(?i)DATE\\s+'(\\d{4}-\\d{2}-\\d{2})'");
    private static final Pattern DAY_INTERVAL = Pattern.compile("(?i)INTERVAL\\s+'(\\d+)'\\s+DAY");

    @Override
    public List<String> choose(QueryTemplate template, SplittableRandom random)
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
            int down = (int) Math.min(MAX_SHIFT_MONTHS, ChronoUnit.MONTHS.between(FIRST_DATE, earliest));
            int up = (int) Math.min(MAX_SHIFT_MONTHS, ChronoUnit.MONTHS.between(latest, LAST_DATE));
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
