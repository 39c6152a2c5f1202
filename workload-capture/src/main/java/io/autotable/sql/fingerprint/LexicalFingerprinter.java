package io.autotable.sql.fingerprint;

import io.autotable.sql.Fingerprinter;

import static java.util.Objects.requireNonNull;

/**
 * Fingerprints a statement in one hand-written lexical pass over its characters: no regular
 * expressions, no parser, one {@link StringBuilder} per call.
 *
 * <p>The normalised form:
 * <ul>
 * <li>comments ({@code --} to the end of the line, {@code /* *}{@code /}, nested) are dropped;
 * <li>tokens are separated by one space, except none after {@code (} and {@code .}, and none
 *     before {@code )}, {@code ,}, {@code .} and {@code ;}, and none around {@code ::};
 * <li>keywords and unquoted identifiers are lower-cased; quoted identifiers ({@code "X"},
 *     {@code `X`}) are kept as written;
 * <li>string literals ({@code '..'}, {@code E'..'}, {@code N'..'}, {@code B'..'}, {@code X'..'},
 *     {@code U&'..'}, dollar-quoted {@code $tag$..$tag$}), numbers (integers, decimals,
 *     exponents, with a unary sign where it can only be a sign), typed literals
 *     ({@code date '..'}, {@code timestamp '..'}, {@code interval '..' day to second}) and
 *     parameters ({@code ?}, {@code $1}) become {@code ?}; digits inside identifiers
 *     ({@code t1}) are kept;
 * <li>{@code in (?, ?, ?)} becomes {@code in (?)}, so lists of different lengths group together;
 * <li>trailing semicolons are dropped.
 * </ul>
 * A quote or comment that is never closed runs to the end of the text: the rest is one literal
 * (or comment); nothing throws.
 *
 * <p>The fingerprint is 64 bits (16 hex digits): FNV-1a over the normalised form's UTF-16 chars,
 * finished with MurmurHash3's 64-bit mixer so every input bit reaches every output bit. It is not
 * cryptographic. For n distinct statements the chance that any two share a fingerprint is about
 * n²/2⁶⁵: 3·10⁻⁸ for a million distinct statements, 3·10⁻⁴ for a hundred million.
 *
 * <p>Cost: linear in the statement's length, one pass plus one pass of hashing over the
 * (shorter) normalised form. Thread-safe: it has no state.
 */
public final class LexicalFingerprinter
        implements Fingerprinter
{
    private static final int NONE = 0;
    private static final int WORD = 1;
    private static final int QUOTED = 2;
    private static final int LITERAL = 3;
    private static final int OPEN = 4;
    private static final int CLOSE = 5;
    private static final int COMMA = 6;
    private static final int DOT = 7;
    private static final int CAST = 8;
    private static final int SEMICOLON = 9;
    private static final int OPERATOR = 10;

    // where an IN list collapses: after "in (", after "in (?", after "in (?,"
    private static final int IN_NONE = 0;
    private static final int IN_WORD = 1;
    private static final int IN_EXPECT_VALUE = 2;
    private static final int IN_AFTER_VALUE = 3;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    public String fingerprint(String sql)
    {
        requireNonNull(sql, "sql is null");
        // hash the normalised form where it was built: no copy into a String
        return toHex(hash(new Scanner(sql).run()));
    }

    @Override
    public String normalize(String sql)
    {
        requireNonNull(sql, "sql is null");
        return new Scanner(sql).run().toString();
    }

    /** The 64-bit hash of a normalised form, as {@link #fingerprint(String)} computes it. */
    public static long hash(CharSequence text)
    {
        long hash = FNV_OFFSET;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            hash = (hash ^ text.charAt(i)) * FNV_PRIME;
        }
        hash ^= length;
        // MurmurHash3 fmix64
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash;
    }

    private static String toHex(long value)
    {
        char[] digits = new char[16];
        for (int i = 15; i >= 0; i--) {
            digits[i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
        return new String(digits);
    }

    /** One pass over one statement; not reused. */
    private static final class Scanner
    {
        private final String sql;
        private final int length;
        private final StringBuilder out;
        private int position;
        private int lastKind = NONE;
        private int kindBeforeLast = NONE;
        // where the last token (with the space before it) starts in out, and where its text starts
        private int lastTokenStart;
        private int lastTextStart;
        private int inState = IN_NONE;
        private int inListStart;
        private boolean intervalUnits;

        Scanner(String sql)
        {
            this.sql = sql;
            this.length = sql.length();
            this.out = new StringBuilder(Math.min(length, 1 << 20));
        }

        StringBuilder run()
        {
            while (position < length) {
                char c = sql.charAt(position);
                char next = position + 1 < length ? sql.charAt(position + 1) : 0;
                if (c <= ' ' || Character.isWhitespace(c)) {
                    position++;
                }
                else if (c == '-' && next == '-') {
                    skipLineComment();
                }
                else if (c == '/' && next == '*') {
                    skipBlockComment();
                }
                else if (c == '\'') {
                    position = skipString(position + 1, false);
                    string();
                }
                else if ((c == 'e' || c == 'E') && next == '\'') {
                    position = skipString(position + 2, true);
                    string();
                }
                else if ((c == 'n' || c == 'N' || c == 'b' || c == 'B' || c == 'x' || c == 'X') && next == '\'') {
                    position = skipString(position + 2, false);
                    string();
                }
                else if ((c == 'u' || c == 'U') && next == '&' && position + 2 < length && sql.charAt(position + 2) == '\'') {
                    position = skipString(position + 3, false);
                    string();
                }
                else if (c == '"' || c == '`') {
                    quotedIdentifier(c);
                }
                else if (isDigit(c) || c == '.' && isDigit(next) && lastKind != WORD && lastKind != QUOTED && lastKind != CLOSE) {
                    skipNumber();
                    literal(false);
                }
                else if ((c == '-' || c == '+') && (isDigit(next) || next == '.' && position + 2 < length && isDigit(sql.charAt(position + 2))) && signContext()) {
                    position++;
                    skipNumber();
                    literal(false);
                }
                else if (c == '$') {
                    dollar(next);
                }
                else if (isWordStart(c)) {
                    word();
                }
                else if (c == '?') {
                    position++;
                    literal(false);
                }
                else {
                    symbol(c, next);
                }
            }
            int end = out.length();
            while (end > 0 && (out.charAt(end - 1) == ';' || out.charAt(end - 1) == ' ')) {
                end--;
            }
            out.setLength(end);
            return out;
        }

        private void skipLineComment()
        {
            int newline = sql.indexOf('\n', position + 2);
            position = newline < 0 ? length : newline + 1;
        }

        private void skipBlockComment()
        {
            int depth = 1;
            position += 2;
            while (position < length) {
                char c = sql.charAt(position);
                if (c == '*' && position + 1 < length && sql.charAt(position + 1) == '/') {
                    position += 2;
                    if (--depth == 0) {
                        return;
                    }
                }
                else if (c == '/' && position + 1 < length && sql.charAt(position + 1) == '*') {
                    position += 2;
                    depth++;
                }
                else {
                    position++;
                }
            }
        }

        /** The offset after the string whose body starts at {@code from}; a doubled quote is a quote, {@code \} escapes in E-strings. */
        private int skipString(int from, boolean backslashEscapes)
        {
            int i = from;
            while (i < length) {
                char c = sql.charAt(i);
                if (c == '\\' && backslashEscapes) {
                    i += 2;
                }
                else if (c == '\'') {
                    if (i + 1 < length && sql.charAt(i + 1) == '\'') {
                        i += 2;
                    }
                    else {
                        return i + 1;
                    }
                }
                else {
                    i++;
                }
            }
            return length;
        }

        private void skipNumber()
        {
            while (position < length && isDigit(sql.charAt(position))) {
                position++;
            }
            if (position < length && sql.charAt(position) == '.') {
                position++;
                while (position < length && isDigit(sql.charAt(position))) {
                    position++;
                }
            }
            if (position < length && (sql.charAt(position) == 'e' || sql.charAt(position) == 'E')) {
                int exponent = position + 1;
                if (exponent < length && (sql.charAt(exponent) == '+' || sql.charAt(exponent) == '-')) {
                    exponent++;
                }
                if (exponent < length && isDigit(sql.charAt(exponent))) {
                    position = exponent;
                    while (position < length && isDigit(sql.charAt(position))) {
                        position++;
                    }
                }
            }
        }

        private void dollar(char next)
        {
            if (isDigit(next)) {
                position++;
                while (position < length && isDigit(sql.charAt(position))) {
                    position++;
                }
                literal(false);
                return;
            }
            int tagEnd = position + 1;
            while (tagEnd < length && (isWordStart(sql.charAt(tagEnd)) || tagEnd > position + 1 && isDigit(sql.charAt(tagEnd)))) {
                tagEnd++;
            }
            if (tagEnd < length && sql.charAt(tagEnd) == '$') {
                String tag = sql.substring(position, tagEnd + 1);
                int close = sql.indexOf(tag, tagEnd + 1);
                position = close < 0 ? length : close + tag.length();
                string();
                return;
            }
            symbol('$', next);
        }

        private void quotedIdentifier(char quote)
        {
            int start = position;
            int i = position + 1;
            while (i < length) {
                if (sql.charAt(i) == quote) {
                    if (i + 1 < length && sql.charAt(i + 1) == quote) {
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                i++;
            }
            position = Math.min(i, length);
            begin(QUOTED);
            out.append(sql, start, position);
            inState = IN_NONE;
        }

        private void word()
        {
            int start = position;
            while (position < length && isWordPart(sql.charAt(position))) {
                position++;
            }
            if (intervalUnits) {
                if (isIntervalUnit(start, position)) {
                    return;
                }
                intervalUnits = false;
            }
            begin(WORD);
            for (int i = start; i < position; i++) {
                char c = sql.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c | 0x20);
                }
                else if (c >= 0x80) {
                    c = Character.toLowerCase(c);
                }
                out.append(c);
            }
            inState = lastTextIs("in") ? IN_WORD : IN_NONE;
        }

        /** A string literal just skipped: a typed literal's type name before it goes too. */
        private void string()
        {
            boolean interval = false;
            if (lastKind == WORD) {
                interval = lastTextIs("interval");
                if (interval || lastTextIs("date") || lastTextIs("timestamp") || lastTextIs("time") || lastTextIs("timestamptz")) {
                    out.setLength(lastTokenStart);
                    lastKind = kindBeforeLast;
                }
            }
            literal(interval);
        }

        private void literal(boolean interval)
        {
            intervalUnits = interval;
            if (inState == IN_EXPECT_VALUE) {
                begin(LITERAL);
                out.append('?');
                inState = IN_AFTER_VALUE;
                return;
            }
            begin(LITERAL);
            out.append('?');
            inState = IN_NONE;
        }

        private void symbol(char c, char next)
        {
            int kind;
            int width = 1;
            switch (c) {
                case '(' -> kind = OPEN;
                case ')' -> kind = CLOSE;
                case ',' -> kind = COMMA;
                case '.' -> kind = DOT;
                case ';' -> kind = SEMICOLON;
                case ':' -> {
                    kind = next == ':' ? CAST : OPERATOR;
                    width = next == ':' ? 2 : 1;
                }
                case '<' -> {
                    kind = OPERATOR;
                    width = next == '=' || next == '>' ? 2 : 1;
                }
                case '>', '!', '=' -> {
                    kind = OPERATOR;
                    width = next == '=' || c == '=' && next == '>' ? 2 : 1;
                }
                case '|' -> {
                    kind = OPERATOR;
                    width = next == '|' ? 2 : 1;
                }
                case '-' -> {
                    kind = OPERATOR;
                    width = next == '>' ? (position + 2 < length && sql.charAt(position + 2) == '>' ? 3 : 2) : 1;
                }
                default -> kind = OPERATOR;
            }
            int state = inState;
            if (kind == CLOSE && state == IN_AFTER_VALUE) {
                // "in (?, ?, ?" closes: keep one value
                out.setLength(inListStart);
                out.append("?)");
                kindBeforeLast = LITERAL;
                lastKind = CLOSE;
                position++;
                inState = IN_NONE;
                return;
            }
            begin(kind);
            out.append(sql, position, position + width);
            position += width;
            if (kind == OPEN && state == IN_WORD) {
                inListStart = out.length();
                inState = IN_EXPECT_VALUE;
            }
            else if (kind == COMMA && state == IN_AFTER_VALUE) {
                inState = IN_EXPECT_VALUE;
            }
            else {
                inState = IN_NONE;
            }
        }

        private void begin(int kind)
        {
            lastTokenStart = out.length();
            if (lastKind != NONE && lastKind != OPEN && lastKind != DOT && lastKind != CAST
                    && kind != CLOSE && kind != COMMA && kind != DOT && kind != CAST && kind != SEMICOLON) {
                out.append(' ');
            }
            lastTextStart = out.length();
            kindBeforeLast = lastKind;
            lastKind = kind;
            if (kind != LITERAL) {
                intervalUnits = false;
            }
        }

        /** Whether a sign before a number can only be a sign, not a binary operator. */
        private boolean signContext()
        {
            return switch (lastKind) {
                case NONE, OPEN, COMMA, OPERATOR, CAST, SEMICOLON -> true;
                case WORD -> lastTextIs("select") || lastTextIs("where") || lastTextIs("and") || lastTextIs("or")
                        || lastTextIs("not") || lastTextIs("then") || lastTextIs("else") || lastTextIs("when")
                        || lastTextIs("by") || lastTextIs("in") || lastTextIs("values") || lastTextIs("between")
                        || lastTextIs("like") || lastTextIs("is") || lastTextIs("limit") || lastTextIs("offset")
                        || lastTextIs("case") || lastTextIs("on") || lastTextIs("having") || lastTextIs("return");
                default -> false;
            };
        }

        private boolean lastTextIs(String word)
        {
            int start = lastTextStart;
            if (out.length() - start != word.length()) {
                return false;
            }
            for (int i = 0; i < word.length(); i++) {
                if (out.charAt(start + i) != word.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private boolean isIntervalUnit(int start, int end)
        {
            return sqlWordIs(start, end, "year") || sqlWordIs(start, end, "month") || sqlWordIs(start, end, "day")
                    || sqlWordIs(start, end, "hour") || sqlWordIs(start, end, "minute") || sqlWordIs(start, end, "second")
                    || sqlWordIs(start, end, "years") || sqlWordIs(start, end, "months") || sqlWordIs(start, end, "days")
                    || sqlWordIs(start, end, "hours") || sqlWordIs(start, end, "minutes") || sqlWordIs(start, end, "seconds")
                    || sqlWordIs(start, end, "to");
        }

        private boolean sqlWordIs(int start, int end, String word)
        {
            return end - start == word.length() && sql.regionMatches(true, start, word, 0, word.length());
        }
    }

    private static boolean isDigit(char c)
    {
        return c >= '0' && c <= '9';
    }

    private static boolean isWordStart(char c)
    {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80 && Character.isLetter(c);
    }

    private static boolean isWordPart(char c)
    {
        return isWordStart(c) || isDigit(c) || c == '$';
    }
}
