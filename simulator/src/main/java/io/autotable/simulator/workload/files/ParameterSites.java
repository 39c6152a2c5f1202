package io.autotable.simulator.workload.files;

import io.autotable.simulator.workload.files.SqlTokens.Token;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a statement's literal parameters are, found lexically (see {@link LiteralParameters} for
 * the rules): date strings, and the literals a column is compared with by {@code =}, {@code <>},
 * {@code <}, {@code <=}, {@code >}, {@code >=}, {@code BETWEEN} or {@code IN}.
 */
final class ParameterSites
{
    enum Kind
    {
        /** A {@code 'yyyy-mm-dd'} string inside the benchmark's years, wherever it is. */
        DATE,
        /** An integer inside the benchmark's years compared with a column named {@code *year}. */
        YEAR,
        /** {@code column op literal}. */
        SINGLE,
        /** {@code column BETWEEN literal AND literal}. */
        BETWEEN,
        /** {@code column IN (literal, ...)}. */
        IN
    }

    /**
     * A literal in a statement's text: {@code [start, end)}, its text ({@code 'TN'}, {@code -5},
     * {@code 1.2}) and the offsets written after it ({@code 11} in {@code 1200 + 11}, zero for
     * none), which it is replaced without.
     */
    record Literal(int start, int end, String text, BigDecimal offset)
    {
        boolean isString()
        {
            return text.startsWith("'");
        }

        /** A number's value with its offset. */
        BigDecimal value()
        {
            return new BigDecimal(text).add(offset);
        }
    }

    /**
     * @param operator the comparison of a {@link Kind#SINGLE} site ({@code =}, {@code <}, ...), empty otherwise
     */
    record Site(Kind kind, String column, String operator, List<Literal> literals)
    {
        Site
        {
            literals = List.copyOf(literals);
        }
    }

    private static final Pattern DATE_TEXT = Pattern.compile("'\\d{4}-\\d{2}-\\d{2}'");
    private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");
    private static final Set<String> PREDICATE_STARTS = Set.of("where", "and", "or", "on", "not", "having");

    private ParameterSites() {}

    /** The sites in text order. */
    static List<Site> find(String sql, int firstYear, int lastYear)
    {
        List<Token> tokens = SqlTokens.tokenize(sql);
        List<Site> sites = new ArrayList<>();
        // comparisons inside CASE pick out rows to label or pivot ("d_day_name = 'Sunday'"), they are
        // not the query's filters; a subquery inside a CASE has filters of its own
        int caseDepth = 0;
        Deque<Integer> enclosing = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isWord("case")) {
                caseDepth++;
            }
            else if (token.isWord("end") && caseDepth > 0) {
                caseDepth--;
            }
            else if (token.kind() == SqlTokens.Kind.OPEN) {
                enclosing.push(caseDepth);
                if (i + 1 < tokens.size() && tokens.get(i + 1).isWord("select")) {
                    caseDepth = 0;
                }
            }
            else if (token.kind() == SqlTokens.Kind.CLOSE && !enclosing.isEmpty()) {
                caseDepth = enclosing.pop();
            }
            if (token.kind() == SqlTokens.Kind.STRING) {
                date(token).filter(date -> date.getYear() >= firstYear && date.getYear() <= lastYear)
                        .ifPresent(date -> sites.add(new Site(Kind.DATE, null, "", List.of(new Literal(token.start(), token.end(), token.text(), BigDecimal.ZERO)))));
            }
            else if (caseDepth == 0 && isColumnStart(tokens, i)) {
                int last = i;
                while (last + 2 < tokens.size() && tokens.get(last + 1).kind() == SqlTokens.Kind.DOT && isName(tokens.get(last + 2))) {
                    last += 2;
                }
                comparison(tokens, tokens.get(last).identifier(), last + 1, firstYear, lastYear, sites);
                i = last;
            }
        }
        sites.sort((a, b) -> Integer.compare(a.literals().get(0).start(), b.literals().get(0).start()));
        return sites;
    }

    static Optional<LocalDate> date(Token token)
    {
        if (!DATE_TEXT.matcher(token.text()).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(token.text().substring(1, 11)));
        }
        catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isColumnStart(List<Token> tokens, int i)
    {
        if (!isName(tokens.get(i))) {
            return false;
        }
        if (i == 0) {
            return true;
        }
        Token before = tokens.get(i - 1);
        return before.kind() == SqlTokens.Kind.OPEN || before.kind() == SqlTokens.Kind.WORD && PREDICATE_STARTS.contains(before.identifier());
    }

    private static boolean isName(Token token)
    {
        return token.kind() == SqlTokens.Kind.WORD || token.kind() == SqlTokens.Kind.QUOTED_IDENTIFIER;
    }

    /** Adds the site of {@code column <predicate>} starting at token {@code at}, if it is one. */
    private static void comparison(List<Token> tokens, String column, int at, int firstYear, int lastYear, List<Site> sites)
    {
        if (at >= tokens.size()) {
            return;
        }
        int next = at;
        if (tokens.get(next).isWord("not")) {
            next++;
        }
        if (next >= tokens.size()) {
            return;
        }
        Token operator = tokens.get(next);
        List<Operand> operands = new ArrayList<>();
        Kind kind;
        if (next == at && operator.kind() == SqlTokens.Kind.OPERATOR && COMPARISONS.contains(operator.text())) {
            Operand operand = operand(tokens, next + 1);
            if (operand == null || !endsPredicate(tokens, operand.next())) {
                return;
            }
            operands.add(operand);
            kind = Kind.SINGLE;
        }
        else if (operator.isWord("between")) {
            Operand low = operand(tokens, next + 1);
            if (low == null || low.next() >= tokens.size() || !tokens.get(low.next()).isWord("and")) {
                return;
            }
            Operand high = operand(tokens, low.next() + 1);
            if (high == null || !endsPredicate(tokens, high.next())) {
                return;
            }
            operands.add(low);
            operands.add(high);
            kind = Kind.BETWEEN;
        }
        else if (operator.isWord("in") && next + 1 < tokens.size() && tokens.get(next + 1).kind() == SqlTokens.Kind.OPEN) {
            int position = next + 2;
            while (true) {
                Operand element = operand(tokens, position);
                if (element == null || element.next() >= tokens.size()) {
                    return;
                }
                operands.add(element);
                Token after = tokens.get(element.next());
                if (after.kind() == SqlTokens.Kind.CLOSE) {
                    break;
                }
                if (after.kind() != SqlTokens.Kind.COMMA) {
                    return;
                }
                position = element.next() + 1;
            }
            kind = Kind.IN;
        }
        else {
            return;
        }
        if (column.endsWith("year") && operands.stream().allMatch(operand -> isYear(operand.literal(), firstYear, lastYear))) {
            // a year moves with the dates, offsets after it ("1999 + 1") included
            operands.forEach(operand -> sites.add(new Site(Kind.YEAR, column, "", List.of(operand.literal()))));
            return;
        }
        boolean strings = operands.get(0).literal().isString();
        for (Operand operand : operands) {
            // a string with offsets, a date (dates move with the calendar) or a mix of strings and numbers: kept as written
            Literal literal = operand.literal();
            if (literal.isString() != strings || literal.isString() && literal.offset().signum() != 0 || DATE_TEXT.matcher(literal.text()).matches()) {
                return;
            }
        }
        sites.add(new Site(kind, column, kind == Kind.SINGLE ? operator.text() : "", operands.stream().map(Operand::literal).toList()));
    }

    private static boolean isYear(Literal literal, int firstYear, int lastYear)
    {
        if (literal.isString() || literal.text().length() != 4 || !literal.text().chars().allMatch(Character::isDigit) || literal.offset().stripTrailingZeros().scale() > 0) {
            return false;
        }
        // the year as written: "2000 + 3" is a year of the data moved past it, as TPC-DS's templates do
        int year = Integer.parseInt(literal.text());
        return year >= firstYear && year <= lastYear;
    }

    /**
     * A literal operand: a string or a number with an optional sign, followed by nothing but
     * {@code + n} or {@code - n} offsets.
     *
     * @param next the index of the token after the operand
     */
    private record Operand(Literal literal, int next) {}

    private static Operand operand(List<Token> tokens, int at)
    {
        if (at >= tokens.size()) {
            return null;
        }
        Token first = tokens.get(at);
        int start;
        int end;
        String text;
        int next;
        if (first.kind() == SqlTokens.Kind.STRING || first.kind() == SqlTokens.Kind.NUMBER) {
            start = first.start();
            end = first.end();
            text = first.text();
            next = at + 1;
        }
        else if ((first.text().equals("-") || first.text().equals("+")) && first.kind() == SqlTokens.Kind.OPERATOR
                && at + 1 < tokens.size() && tokens.get(at + 1).kind() == SqlTokens.Kind.NUMBER) {
            Token number = tokens.get(at + 1);
            start = first.start();
            end = number.end();
            text = (first.text().equals("-") ? "-" : "") + number.text();
            next = at + 2;
        }
        else {
            return null;
        }
        BigDecimal offset = BigDecimal.ZERO;
        while (next + 1 < tokens.size() && tokens.get(next).kind() == SqlTokens.Kind.OPERATOR
                && (tokens.get(next).text().equals("+") || tokens.get(next).text().equals("-")) && tokens.get(next + 1).kind() == SqlTokens.Kind.NUMBER) {
            BigDecimal term = new BigDecimal(tokens.get(next + 1).text());
            offset = tokens.get(next).text().equals("+") ? offset.add(term) : offset.subtract(term);
            next += 2;
        }
        return new Operand(new Literal(start, end, text, offset), next);
    }

    /** Whether the token at {@code index} cannot continue an expression (it ends the predicate). */
    private static boolean endsPredicate(List<Token> tokens, int index)
    {
        if (index >= tokens.size()) {
            return true;
        }
        Token token = tokens.get(index);
        return switch (token.kind()) {
            case CLOSE, COMMA -> true;
            case WORD -> !token.isWord("collate") && !token.isWord("escape");
            case OPERATOR -> token.text().equals(";");
            default -> false;
        };
    }
}
