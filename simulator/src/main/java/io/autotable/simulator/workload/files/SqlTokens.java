package io.autotable.simulator.workload.files;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A statement's tokens, as offsets into its text, so literals can be replaced in place and the
 * rest of the text (layout, comments) kept. Comments ({@code --}, {@code /* *}{@code /}) and
 * whitespace are skipped; a string or quoted identifier doubles its quote to escape it.
 */
final class SqlTokens
{
    enum Kind
    {
        WORD,
        QUOTED_IDENTIFIER,
        STRING,
        NUMBER,
        OPEN,
        CLOSE,
        COMMA,
        DOT,
        OPERATOR
    }

    record Token(Kind kind, int start, int end, String text)
    {
        boolean is(Kind wanted, String value)
        {
            return kind == wanted && text.equalsIgnoreCase(value);
        }

        boolean isWord(String value)
        {
            return is(Kind.WORD, value);
        }

        /** The identifier a word or quoted identifier names, lower case when unquoted. */
        String identifier()
        {
            return kind == Kind.QUOTED_IDENTIFIER ? text.substring(1, text.length() - 1) : text.toLowerCase(Locale.ROOT);
        }
    }

    private SqlTokens() {}

    /**
     * @throws SimulatorException with {@link ErrorCode#INVALID_ARGUMENT} for a string, quoted identifier or comment that is never closed, naming its line
     */
    static List<Token> tokenize(String sql)
    {
        List<Token> tokens = new ArrayList<>();
        int length = sql.length();
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            char next = i + 1 < length ? sql.charAt(i + 1) : 0;
            int end;
            Kind kind;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '-' && next == '-') {
                int newline = sql.indexOf('\n', i);
                i = newline < 0 ? length : newline + 1;
                continue;
            }
            if (c == '/' && next == '*') {
                int close = sql.indexOf("*/", i + 2);
                if (close < 0) {
                    throw unclosed(sql, i, "a comment");
                }
                i = close + 2;
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                end = quotedEnd(sql, i);
                if (end < 0) {
                    throw unclosed(sql, i, c == '\'' ? "a string" : "a quoted identifier");
                }
                kind = c == '\'' ? Kind.STRING : Kind.QUOTED_IDENTIFIER;
            }
            else if (isDigit(c) || c == '.' && isDigit(next)) {
                end = numberEnd(sql, i);
                kind = Kind.NUMBER;
            }
            else if (Character.isLetter(c) || c == '_') {
                end = i + 1;
                while (end < length && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '$')) {
                    end++;
                }
                kind = Kind.WORD;
            }
            else {
                end = i + 1;
                kind = switch (c) {
                    case '(' -> Kind.OPEN;
                    case ')' -> Kind.CLOSE;
                    case ',' -> Kind.COMMA;
                    case '.' -> Kind.DOT;
                    default -> Kind.OPERATOR;
                };
                if (kind == Kind.OPERATOR && isTwoCharOperator(c, next)) {
                    end = i + 2;
                }
            }
            tokens.add(new Token(kind, i, end, sql.substring(i, end)));
            i = end;
        }
        return tokens;
    }

    private static boolean isTwoCharOperator(char c, char next)
    {
        return (c == '<' || c == '>' || c == '!') && next == '=' || c == '<' && next == '>' || c == '|' && next == '|' || c == ':' && next == ':';
    }

    private static int quotedEnd(String sql, int open)
    {
        char quote = sql.charAt(open);
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    private static int numberEnd(String sql, int start)
    {
        int length = sql.length();
        int i = start;
        while (i < length && isDigit(sql.charAt(i))) {
            i++;
        }
        if (i < length && sql.charAt(i) == '.') {
            i++;
            while (i < length && isDigit(sql.charAt(i))) {
                i++;
            }
        }
        if (i < length && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E')) {
            int exponent = i + 1;
            if (exponent < length && (sql.charAt(exponent) == '+' || sql.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < length && isDigit(sql.charAt(exponent))) {
                i = exponent;
                while (i < length && isDigit(sql.charAt(i))) {
                    i++;
                }
            }
        }
        return i;
    }

    private static boolean isDigit(char c)
    {
        return c >= '0' && c <= '9';
    }

    private static SimulatorException unclosed(String sql, int offset, String what)
    {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
            }
        }
        return new SimulatorException(ErrorCode.INVALID_ARGUMENT, "%s starting at line %d of the statement is never closed".formatted(what, line));
    }
}
