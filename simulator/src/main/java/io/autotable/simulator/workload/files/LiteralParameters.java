package io.autotable.simulator.workload.files;

import io.autotable.simulator.workload.QueryParameters;
import io.autotable.simulator.workload.QueryTemplate;
import io.autotable.simulator.workload.files.ParameterSites.Literal;
import io.autotable.simulator.workload.files.ParameterSites.Site;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Parameters of queries autotable did not write (a user's or a benchmark's query files), varied
 * by a generic rule that needs neither the benchmark's query generator nor its data. A literal is
 * a parameter only where its role is plain from the text; everything else is kept as written.
 *
 * <ul>
 * <li><b>Calendar.</b> Every {@code 'yyyy-mm-dd'} string (in {@code DATE '..'},
 *     {@code CAST('..' AS DATE)} or bare) and every 4-digit integer compared with a column whose
 *     name ends in {@code year} ({@code d_year = 2000}, {@code d_year IN (1999, 2000)},
 *     {@code dyear = 2001 + 1}) whose year is inside the benchmark's years moves by the same
 *     seeded whole number of years, chosen so that none of them leaves those years (or goes further
 *     out when the template already reaches past them). Whole years keep a template's dates, years
 *     and the distances between them consistent.</li>
 * <li><b>Comparisons.</b> Other literals compared with a column ({@code col op literal},
 *     {@code col BETWEEN a AND b}, {@code col IN (a, b, ...)}, the column on the left, the literal
 *     alone or followed by {@code + n} / {@code - n} offsets) take values from the column's
 *     <i>pool</i>: the values all the files compare that column (by name, without its table) with,
 *     which are values of its domain. A number takes a seeded value between the pool's smallest and
 *     largest, with the literal's decimals (for {@code <} not the smallest, for {@code >} not the
 *     largest); a string one of the pool's strings; a {@code BETWEEN} of numbers keeps its width and
 *     stays inside the pool's range; an {@code IN} list keeps its length and takes distinct values
 *     of the pool, or, written as offsets from one value ({@code 1200, 1200 + 1, ...}), moves as one
 *     block inside the pool's range. Offsets are kept: the literal before them changes. A pool with
 *     too few values to choose from keeps the literal.</li>
 * <li><b>Kept.</b> Everything else: {@code LIMIT}, arithmetic ({@code * 1.2}), function arguments
 *     ({@code substr(ca_zip, 1, 5)}), {@code LIKE} patterns, string ranges, literals on the left of
 *     a comparison, comparisons inside {@code CASE} (they label or pivot rows,
 *     {@code d_day_name = 'Sunday'}, rather than filter them; a subquery inside a {@code CASE} has
 *     filters of its own), and templates with no parameter by these rules, which {@link #varies}
 *     reports.</li>
 * </ul>
 * Within one run of a template, a column compared with the same literal in several places takes
 * the same value in all of them. Replacing a literal by a literal of the same kind never changes
 * what a statement reads, joins or groups by.
 */
public final class LiteralParameters
        implements QueryParameters
{
    private final int firstYear;
    private final int lastYear;
    private final Map<String, List<List<Site>>> sites;
    private final Map<String, Pool> pools;

    /**
     * @param templates the templates whose literals make up the pools
     * @param firstYear the first year of the benchmark's data
     * @param lastYear the last year of the benchmark's data
     */
    public LiteralParameters(List<QueryTemplate> templates, int firstYear, int lastYear)
    {
        requireNonNull(templates, "templates is null");
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        Map<String, List<List<Site>>> sites = new LinkedHashMap<>();
        Map<String, Pool> pools = new TreeMap<>();
        for (QueryTemplate template : templates) {
            List<List<Site>> perStatement = new ArrayList<>();
            for (String statement : template.statements()) {
                List<Site> found = ParameterSites.find(statement, firstYear, lastYear);
                perStatement.add(found);
                for (Site site : found) {
                    if (site.column() != null && site.kind() != ParameterSites.Kind.YEAR) {
                        pools.computeIfAbsent(site.column(), column -> new Pool(new TreeSet<>(), new TreeSet<>())).add(site.literals());
                    }
                }
            }
            sites.put(template.name(), List.copyOf(perStatement));
        }
        this.sites = Map.copyOf(sites);
        this.pools = Map.copyOf(pools);
    }

    /** Whether runs of a template can differ: it has a parameter these rules can vary. */
    public boolean varies(QueryTemplate template)
    {
        List<List<Site>> statements = sitesOf(template);
        int[] bounds = calendarBounds(statements);
        if (bounds[0] + bounds[1] > 0) {
            return true;
        }
        for (List<Site> statement : statements) {
            for (Site site : statement) {
                if (site.column() != null && site.kind() != ParameterSites.Kind.YEAR && pools.get(site.column()).canVary(site)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public List<String> choose(QueryTemplate template, SplittableRandom random)
    {
        List<List<Site>> statements = sitesOf(template);
        int[] bounds = calendarBounds(statements);
        int shift = bounds[0] + bounds[1] > 0 ? random.nextInt(-bounds[0], bounds[1] + 1) : 0;
        Map<String, List<String>> chosen = new HashMap<>();
        List<String> varied = new ArrayList<>(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            String sql = template.statements().get(i);
            StringBuilder out = new StringBuilder(sql.length() + 16);
            int copied = 0;
            for (Site site : statements.get(i)) {
                List<String> values = switch (site.kind()) {
                    case DATE -> List.of("'" + LocalDate.parse(site.literals().get(0).text().substring(1, 11)).plusYears(shift) + "'");
                    case YEAR -> List.of(String.valueOf(Integer.parseInt(site.literals().get(0).text()) + shift));
                    case SINGLE, BETWEEN, IN -> chosen.computeIfAbsent(site.kind() + "|" + site.column() + "|" + texts(site.literals()),
                            key -> pools.get(site.column()).choose(site, random));
                };
                for (int j = 0; j < values.size(); j++) {
                    Literal literal = site.literals().get(j);
                    out.append(sql, copied, literal.start()).append(values.get(j));
                    copied = literal.end();
                }
            }
            out.append(sql, copied, sql.length());
            varied.add(out.toString());
        }
        return varied;
    }

    private List<List<Site>> sitesOf(QueryTemplate template)
    {
        List<List<Site>> found = sites.get(template.name());
        if (found == null || found.size() != template.statements().size()) {
            // not one of the templates the pools were made from: its dates and years still move
            found = template.statements().stream()
                    .map(statement -> ParameterSites.find(statement, firstYear, lastYear).stream().filter(site -> site.column() == null || site.kind() == ParameterSites.Kind.YEAR || pools.containsKey(site.column())).toList())
                    .toList();
        }
        return found;
    }

    /** How many years the calendar sites may move down and up: {@code [down, up]}. */
    private int[] calendarBounds(List<List<Site>> statements)
    {
        int earliest = Integer.MAX_VALUE;
        int latest = Integer.MIN_VALUE;
        for (List<Site> statement : statements) {
            for (Site site : statement) {
                int year = switch (site.kind()) {
                    case DATE -> Integer.parseInt(site.literals().get(0).text().substring(1, 5));
                    case YEAR -> site.literals().get(0).value().intValueExact();
                    default -> -1;
                };
                if (year >= 0) {
                    earliest = Math.min(earliest, year);
                    latest = Math.max(latest, year);
                }
            }
        }
        // a template that already reaches past the data's years ("d_year IN (2000, 2000 + 3)") may not move further out
        return earliest > latest ? new int[] {0, 0} : new int[] {Math.max(0, earliest - firstYear), Math.max(0, lastYear - latest)};
    }

    private static String texts(List<Literal> literals)
    {
        StringBuilder texts = new StringBuilder();
        for (Literal literal : literals) {
            texts.append(literal.text()).append('\u0000');
        }
        return texts.toString();
    }

    /** The literals the files compare one column with (numbers with their offsets). */
    private record Pool(TreeSet<BigDecimal> numbers, TreeSet<String> strings)
    {
        void add(List<Literal> literals)
        {
            for (Literal literal : literals) {
                if (literal.isString()) {
                    strings.add(literal.text());
                }
                else {
                    numbers.add(literal.value());
                }
            }
        }

        boolean canVary(Site site)
        {
            List<Literal> literals = site.literals();
            if (literals.get(0).isString()) {
                return site.kind() == ParameterSites.Kind.SINGLE ? strings.size() >= 2 : site.kind() == ParameterSites.Kind.IN && strings.size() > literals.size();
            }
            return switch (site.kind()) {
                case SINGLE -> {
                    long[] range = singleRange(site);
                    yield range[1] > range[0];
                }
                case BETWEEN -> span(literals) != null;
                case IN -> hasOffsets(literals) ? blockRange(literals)[1] > blockRange(literals)[0] : numbers.size() > literals.size();
                default -> false;
            };
        }

        /** The site's new literals, or its own when the pool leaves no choice. */
        List<String> choose(Site site, SplittableRandom random)
        {
            List<Literal> literals = site.literals();
            if (!canVary(site)) {
                return literals.stream().map(Literal::text).toList();
            }
            if (literals.get(0).isString()) {
                return site.kind() == ParameterSites.Kind.SINGLE
                        ? List.of(new ArrayList<>(strings).get(random.nextInt(strings.size())))
                        : sample(new ArrayList<>(strings), literals.size(), random);
            }
            int scale = scale(literals);
            return switch (site.kind()) {
                case SINGLE -> {
                    long[] range = singleRange(site);
                    yield List.of(withoutOffset(random.nextLong(range[0], range[1] + 1), scale, literals.get(0)));
                }
                case BETWEEN -> {
                    long[] span = span(literals);
                    long low = random.nextLong(span[0], span[1] + 1);
                    yield List.of(withoutOffset(low, scale, literals.get(0)), withoutOffset(low + span[2], scale, literals.get(1)));
                }
                default -> hasOffsets(literals) ? moveBlock(literals, random) : sampleNumbers(literals, random);
            };
        }

        private static boolean hasOffsets(List<Literal> literals)
        {
            return literals.stream().anyMatch(literal -> literal.offset().signum() != 0);
        }

        /**
         * An IN list written as offsets from one value ({@code 1200, 1200 + 1, ...}) is a block,
         * moved as one: how far down and up (in units of its scale) it may move inside the pool's range.
         */
        private long[] blockRange(List<Literal> literals)
        {
            int scale = scale(literals);
            BigDecimal smallest = literals.stream().map(Literal::value).min(BigDecimal::compareTo).orElseThrow();
            BigDecimal largest = literals.stream().map(Literal::value).max(BigDecimal::compareTo).orElseThrow();
            return new long[] {lowest(scale) - smallest.movePointRight(scale).longValue(), highest(scale) - largest.movePointRight(scale).longValue()};
        }

        private List<String> moveBlock(List<Literal> literals, SplittableRandom random)
        {
            int scale = scale(literals);
            long[] range = blockRange(literals);
            BigDecimal move = BigDecimal.valueOf(random.nextLong(range[0], range[1] + 1), scale);
            return literals.stream().map(literal -> new BigDecimal(literal.text()).add(move).toPlainString()).toList();
        }

        /** An IN list of plain numbers: distinct numbers of the pool. */
        private List<String> sampleNumbers(List<Literal> literals, SplittableRandom random)
        {
            return sample(numbers.stream().map(BigDecimal::toPlainString).toList(), literals.size(), random);
        }

        /**
         * The values a single comparison may take, in units of its scale: the pool's range, less
         * its smallest for {@code <} and its largest for {@code >}, which would select nothing the
         * pool's other values do not.
         */
        private long[] singleRange(Site site)
        {
            int scale = scale(site.literals());
            long low = lowest(scale);
            long high = highest(scale);
            return switch (site.operator()) {
                case "<" -> new long[] {low + 1, high};
                case ">" -> new long[] {low, high - 1};
                default -> new long[] {low, high};
            };
        }

        /** For a BETWEEN of numbers: the lowest and highest low bound in units of the scale, and the width; null when it cannot move. */
        private long[] span(List<Literal> literals)
        {
            int scale = scale(literals);
            BigDecimal low = literals.get(0).value();
            BigDecimal high = literals.get(1).value();
            if (high.compareTo(low) < 0) {
                return null;
            }
            long width = high.subtract(low).movePointRight(scale).longValue();
            long first = lowest(scale);
            long last = highest(scale) - width;
            return last > first ? new long[] {first, last, width} : null;
        }

        /** The pool's smallest number in units of {@code 10^-scale}, rounded up into the pool's range. */
        private long lowest(int scale)
        {
            return numbers.first().movePointRight(scale).setScale(0, RoundingMode.CEILING).longValueExact();
        }

        /** The pool's largest number in units of {@code 10^-scale}, rounded down into the pool's range. */
        private long highest(int scale)
        {
            return numbers.last().movePointRight(scale).setScale(0, RoundingMode.FLOOR).longValueExact();
        }

        private static int scale(List<Literal> literals)
        {
            int scale = 0;
            for (Literal literal : literals) {
                // 1e3 has a negative scale: whole numbers
                scale = Math.max(scale, literal.value().scale());
            }
            return scale;
        }

        /** The literal that, with the offsets written after it, makes {@code units}. */
        private static String withoutOffset(long units, int scale, Literal literal)
        {
            return BigDecimal.valueOf(units, scale).subtract(literal.offset()).toPlainString();
        }

        private static List<String> sample(List<String> values, int count, SplittableRandom random)
        {
            List<String> remaining = new ArrayList<>(values);
            List<String> sample = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                sample.add(remaining.remove(random.nextInt(remaining.size())));
            }
            // the order of the pool, so the same values read the same
            sample.sort((a, b) -> Integer.compare(values.indexOf(a), values.indexOf(b)));
            return sample;
        }
    }
}
