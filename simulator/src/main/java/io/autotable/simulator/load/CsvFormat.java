package io.autotable.simulator.load;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * How a delimited text file is written: what {@link CsvRecordReader} needs to split it into
 * records and fields.
 *
 * @param delimiter the character between fields
 * @param quote the character that quotes a field (a doubled quote inside is one quote), or none:
 *        then quotes are ordinary characters
 * @param escape the character that makes the next one literal (a delimiter, a quote, a newline),
 *        or none; {@code \n}, {@code \r}, {@code \t} and {@code \0} after it are those control characters
 * @param header whether each file's first record names the columns
 * @param nullAs the unquoted field text that is SQL NULL; {@code ""} makes an empty unquoted
 *        field NULL while a quoted empty field ({@code ""}) stays an empty string
 */
public record CsvFormat(char delimiter, Optional<Character> quote, Optional<Character> escape, boolean header, String nullAs)
{
    public CsvFormat
    {
        requireNonNull(quote, "quote is null");
        requireNonNull(escape, "escape is null");
        requireNonNull(nullAs, "nullAs is null");
        check(!isLineBreak(delimiter), "the delimiter cannot be a line break");
        check(quote.isEmpty() || quote.get() != delimiter, "the quote and the delimiter must differ, both are '%s'".formatted(delimiter));
        check(quote.isEmpty() || !isLineBreak(quote.get()), "the quote cannot be a line break");
        check(escape.isEmpty() || escape.get() != delimiter && !quote.equals(escape), "the escape character must differ from the delimiter and the quote");
        check(escape.isEmpty() || !isLineBreak(escape.get()), "the escape character cannot be a line break");
        check(nullAs.indexOf('\n') < 0 && nullAs.indexOf('\r') < 0, "the null marker cannot hold a line break");
        check(escape.isEmpty() || nullAs.indexOf(escape.get()) < 0, "the null marker cannot hold the escape character, which is read first");
    }

    /**
     * RFC 4180 CSV: comma-separated, double quotes, a header row; an empty unquoted field is NULL
     * and {@code ""} is an empty string (as PostgreSQL's and Redshift's CSV formats read them).
     */
    public static CsvFormat csv()
    {
        return new CsvFormat(',', Optional.of('"'), Optional.empty(), true, "");
    }

    /**
     * What Redshift's {@code UNLOAD} writes without {@code FORMAT CSV}: {@code |}-delimited, no
     * header, no quoting, NULL as an empty field (UNLOAD cannot tell it from an empty string
     * without {@code NULL AS}). Add {@code ESCAPE}'s backslash or {@code ADDQUOTES}' double quote
     * when the UNLOAD used them.
     */
    public static CsvFormat unload()
    {
        return new CsvFormat('|', Optional.empty(), Optional.empty(), false, "");
    }

    public CsvFormat withDelimiter(char newDelimiter)
    {
        return new CsvFormat(newDelimiter, quote, escape, header, nullAs);
    }

    public CsvFormat withQuote(Optional<Character> newQuote)
    {
        return new CsvFormat(delimiter, newQuote, escape, header, nullAs);
    }

    public CsvFormat withEscape(Optional<Character> newEscape)
    {
        return new CsvFormat(delimiter, quote, newEscape, header, nullAs);
    }

    public CsvFormat withHeader(boolean newHeader)
    {
        return new CsvFormat(delimiter, quote, escape, newHeader, nullAs);
    }

    public CsvFormat withNullAs(String newNullAs)
    {
        return new CsvFormat(delimiter, quote, escape, header, newNullAs);
    }

    /** The format in a person's words, for the load's report. */
    public String describe()
    {
        return "delimiter %s, %s, %s, %s, NULL as %s".formatted(
                shown(delimiter),
                quote.map(q -> "quote " + shown(q)).orElse("no quoting"),
                escape.map(e -> "escape " + shown(e)).orElse("no escape"),
                header ? "header" : "no header",
                nullAs.isEmpty() ? "an empty field" : "'" + nullAs + "'");
    }

    private static String shown(char c)
    {
        return switch (c) {
            case '\t' -> "TAB";
            case ' ' -> "SPACE";
            default -> "'" + c + "'";
        };
    }

    private static boolean isLineBreak(char c)
    {
        return c == '\n' || c == '\r';
    }

    private static void check(boolean condition, String message)
    {
        if (!condition) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "invalid CSV format: " + message);
        }
    }
}
