package io.autotable.simulator.workload.ssb;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.workload.QueryParameters;
import io.autotable.simulator.workload.QueryTemplate;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Map.entry;
import static java.util.Objects.requireNonNull;

/**
 * SSB's parameters, drawn per run from the domains the SSB paper defines, each predicate keeping
 * the width (and so about the filter factor) the paper gives it:
 * <ul>
 * <li>years 1992 .. 1998 ({@code d_year}); Q3.1 to Q3.3 a six-year span starting in 1992 or
 *     1993; Q4.2 and Q4.3 two consecutive years; {@code d_yearmonthnum} any month of those years
 *     ({@code 199401}), {@code d_yearmonth} likewise ({@code Dec1997}); {@code d_weeknuminyear}
 *     1 .. 52;</li>
 * <li>{@code lo_discount between d and d + 2}, d in 0 .. 8 (discounts are 0 .. 10 percent);</li>
 * <li>{@code lo_quantity} (1 .. 50): Q1.1 {@code < q}, q in 24 .. 26 (about half the rows); Q1.2
 *     {@code between q and q + 9}, q in 1 .. 41; Q1.3 {@code between q and q + 4}, q in 1 .. 46;</li>
 * <li>regions: the 5 of TPC-H; nations: its 25, Q4.3's supplier nation in the customers' region;
 *     cities: two different cities of one nation, a city being the nation's name cut or padded to 9
 *     characters and a digit 0 .. 9 ({@code UNITED KI1});</li>
 * <li>{@code p_mfgr}: two different of {@code MFGR#1} .. {@code MFGR#5}; {@code p_category}
 *     {@code MFGR#mc}, m and c in 1 .. 5; {@code p_brand1} the category and 1 .. 40
 *     ({@code MFGR#2221}); Q2.2's range 8 brands {@code MFGR#mcb .. MFGR#mc(b+7)} with b in 10, 11,
 *     12, 20, 21, 22, 30, 31, 32, so that its two-digit bounds enclose exactly those 8 brands in
 *     string order (brand numbers are not zero-padded).</li>
 * </ul>
 * One random draw per run; the same random state gives the same parameters.
 */
public final class SsbParameters
        implements QueryParameters
{
    public static final int FIRST_YEAR = 1992;
    public static final int LAST_YEAR = 1998;
    public static final List<String> REGIONS = List.of("AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST");

    /** TPC-H's 25 nations and their regions, as SSB's customer and supplier tables hold them. */
    public static final Map<String, String> NATION_REGIONS = Map.ofEntries(
            entry("ALGERIA", "AFRICA"), entry("ARGENTINA", "AMERICA"), entry("BRAZIL", "AMERICA"), entry("CANADA", "AMERICA"),
            entry("EGYPT", "MIDDLE EAST"), entry("ETHIOPIA", "AFRICA"), entry("FRANCE", "EUROPE"), entry("GERMANY", "EUROPE"),
            entry("INDIA", "ASIA"), entry("INDONESIA", "ASIA"), entry("IRAN", "MIDDLE EAST"), entry("IRAQ", "MIDDLE EAST"),
            entry("JAPAN", "ASIA"), entry("JORDAN", "MIDDLE EAST"), entry("KENYA", "AFRICA"), entry("MOROCCO", "AFRICA"),
            entry("MOZAMBIQUE", "AFRICA"), entry("PERU", "AMERICA"), entry("CHINA", "ASIA"), entry("ROMANIA", "EUROPE"),
            entry("SAUDI ARABIA", "MIDDLE EAST"), entry("VIETNAM", "ASIA"), entry("RUSSIA", "EUROPE"), entry("UNITED KINGDOM", "EUROPE"),
            entry("UNITED STATES", "AMERICA"));

    private static final List<String> NATIONS = NATION_REGIONS.keySet().stream().sorted().toList();
    private static final int[] BRAND_RANGE_STARTS = {10, 11, 12, 20, 21, 22, 30, 31, 32};
    private static final Pattern PARAMETER = Pattern.compile("\\$\\{([a-z0-9_]+)}");

    private final Map<String, List<String>> texts;

    /**
     * @param texts each query's statements with their {@code ${name}} parameters, by query name
     */
    SsbParameters(Map<String, List<String>> texts)
    {
        this.texts = Map.copyOf(requireNonNull(texts, "texts is null"));
    }

    @Override
    public List<String> choose(QueryTemplate template, SplittableRandom random)
    {
        List<String> statements = texts.get(template.name());
        if (statements == null) {
            throw new SimulatorException(ErrorCode.INTERNAL, "SSB has no query " + template.name());
        }
        return fill(template.name(), statements, draw(template.name(), random));
    }

    /** The city of a nation with the given digit, as SSB's generator writes it: {@code UNITED KI1}, {@code PERU     7}. */
    public static String city(String nation, int digit)
    {
        return "%-9.9s%d".formatted(nation, digit);
    }

    static Map<String, String> draw(String query, SplittableRandom random)
    {
        return switch (query) {
            case "q1.1" -> discount(random, Map.of("year", year(random), "quantity", String.valueOf(random.nextInt(24, 27))));
            case "q1.2" -> discount(random, quantity(random, 9, Map.of("yearmonthnum", String.valueOf(FIRST_YEAR * 100 + random.nextInt(7) * 100 + random.nextInt(1, 13)))));
            case "q1.3" -> discount(random, quantity(random, 4, Map.of("week", String.valueOf(random.nextInt(1, 53)), "year", year(random))));
            case "q2.1" -> Map.of("category", category(random), "region", region(random));
            case "q2.2" -> {
                String category = category(random);
                int start = BRAND_RANGE_STARTS[random.nextInt(BRAND_RANGE_STARTS.length)];
                yield Map.of("brand_low", category + start, "brand_high", category + (start + 7), "region", region(random));
            }
            case "q2.3" -> Map.of("brand", category(random) + random.nextInt(1, 41), "region", region(random));
            case "q3.1" -> years(random, Map.of("region", region(random)));
            case "q3.2" -> years(random, Map.of("nation", NATIONS.get(random.nextInt(NATIONS.size()))));
            case "q3.3" -> years(random, cities(random));
            case "q3.4" -> {
                Map<String, String> values = new HashMap<>(cities(random));
                String month = Month.of(random.nextInt(1, 13)).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
                values.put("yearmonth", month + year(random));
                yield values;
            }
            case "q4.1" -> manufacturers(random, Map.of("region", region(random)));
            case "q4.2" -> manufacturers(random, consecutiveYears(random, Map.of("region", region(random))));
            case "q4.3" -> {
                String region = region(random);
                List<String> nations = NATIONS.stream().filter(nation -> NATION_REGIONS.get(nation).equals(region)).toList();
                yield consecutiveYears(random, Map.of("region", region, "nation", nations.get(random.nextInt(nations.size())), "category", category(random)));
            }
            default -> throw new SimulatorException(ErrorCode.INTERNAL, "SSB has no query " + query);
        };
    }

    /** The validation values: the paper's, as MonetDB's copy of the queries writes them. */
    static Map<String, String> validation(String query)
    {
        return switch (query) {
            case "q1.1" -> Map.of("year", "1993", "discount_low", "1", "discount_high", "3", "quantity", "25");
            case "q1.2" -> Map.of("yearmonthnum", "199401", "discount_low", "4", "discount_high", "6", "quantity_low", "26", "quantity_high", "35");
            case "q1.3" -> Map.of("week", "6", "year", "1994", "discount_low", "5", "discount_high", "7", "quantity_low", "36", "quantity_high", "40");
            case "q2.1" -> Map.of("category", "MFGR#12", "region", "AMERICA");
            case "q2.2" -> Map.of("brand_low", "MFGR#2221", "brand_high", "MFGR#2228", "region", "ASIA");
            case "q2.3" -> Map.of("brand", "MFGR#2221", "region", "EUROPE");
            case "q3.1" -> Map.of("region", "ASIA", "year_low", "1992", "year_high", "1997");
            case "q3.2" -> Map.of("nation", "UNITED STATES", "year_low", "1992", "year_high", "1997");
            case "q3.3" -> Map.of("nation", "UNITED KINGDOM", "city1", "UNITED KI1", "city2", "UNITED KI5", "year_low", "1992", "year_high", "1997");
            case "q3.4" -> Map.of("nation", "UNITED KINGDOM", "city1", "UNITED KI1", "city2", "UNITED KI5", "yearmonth", "Dec1997");
            case "q4.1" -> Map.of("region", "AMERICA", "mfgr1", "MFGR#1", "mfgr2", "MFGR#2");
            case "q4.2" -> Map.of("region", "AMERICA", "year1", "1997", "year2", "1998", "mfgr1", "MFGR#1", "mfgr2", "MFGR#2");
            case "q4.3" -> Map.of("region", "AMERICA", "nation", "UNITED STATES", "year1", "1997", "year2", "1998", "category", "MFGR#14");
            default -> throw new SimulatorException(ErrorCode.INTERNAL, "SSB has no query " + query);
        };
    }

    /**
     * @throws SimulatorException with {@link ErrorCode#INTERNAL} for a parameter without a value: a template and its domains out of step
     */
    static List<String> fill(String query, List<String> statements, Map<String, String> values)
    {
        List<String> filled = new ArrayList<>(statements.size());
        for (String statement : statements) {
            Matcher matcher = PARAMETER.matcher(statement);
            StringBuilder out = new StringBuilder(statement.length());
            while (matcher.find()) {
                String value = values.get(matcher.group(1));
                if (value == null) {
                    throw new SimulatorException(ErrorCode.INTERNAL, "SSB query %s has no value for its parameter %s".formatted(query, matcher.group(1)));
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(out);
            filled.add(out.toString());
        }
        return filled;
    }

    private static String year(SplittableRandom random)
    {
        return String.valueOf(random.nextInt(FIRST_YEAR, LAST_YEAR + 1));
    }

    private static String region(SplittableRandom random)
    {
        return REGIONS.get(random.nextInt(REGIONS.size()));
    }

    private static String category(SplittableRandom random)
    {
        return "MFGR#" + random.nextInt(1, 6) + random.nextInt(1, 6);
    }

    private static Map<String, String> discount(SplittableRandom random, Map<String, String> values)
    {
        int low = random.nextInt(0, 9);
        return with(values, "discount_low", String.valueOf(low), "discount_high", String.valueOf(low + 2));
    }

    private static Map<String, String> quantity(SplittableRandom random, int width, Map<String, String> values)
    {
        int low = random.nextInt(1, 51 - width);
        return with(values, "quantity_low", String.valueOf(low), "quantity_high", String.valueOf(low + width));
    }

    private static Map<String, String> years(SplittableRandom random, Map<String, String> values)
    {
        int low = random.nextInt(FIRST_YEAR, FIRST_YEAR + 2);
        return with(values, "year_low", String.valueOf(low), "year_high", String.valueOf(low + 5));
    }

    private static Map<String, String> consecutiveYears(SplittableRandom random, Map<String, String> values)
    {
        int first = random.nextInt(FIRST_YEAR, LAST_YEAR);
        return with(values, "year1", String.valueOf(first), "year2", String.valueOf(first + 1));
    }

    private static Map<String, String> cities(SplittableRandom random)
    {
        String nation = NATIONS.get(random.nextInt(NATIONS.size()));
        int first = random.nextInt(10);
        int second = (first + random.nextInt(1, 10)) % 10;
        return Map.of("nation", nation, "city1", city(nation, Math.min(first, second)), "city2", city(nation, Math.max(first, second)));
    }

    private static Map<String, String> manufacturers(SplittableRandom random, Map<String, String> values)
    {
        int first = random.nextInt(1, 6);
        int second = (first + random.nextInt(1, 5) - 1) % 5 + 1;
        return with(values, "mfgr1", "MFGR#" + Math.min(first, second), "mfgr2", "MFGR#" + Math.max(first, second));
    }

    private static Map<String, String> with(Map<String, String> values, String key1, String value1, String key2, String value2)
    {
        Map<String, String> all = new HashMap<>(values);
        all.put(key1, value1);
        all.put(key2, value2);
        return all;
    }
}
