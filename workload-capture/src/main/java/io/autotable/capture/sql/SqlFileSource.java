package io.autotable.capture.sql;

import io.autotable.capture.BadRecord;
import io.autotable.capture.SourceFiles;
import io.autotable.capture.SourceStats;
import io.autotable.capture.WorkloadSource;
import io.autotable.sql.Fingerprinter;
import io.autotable.workload.QueryEvent;

import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Format {@code sql}: a file of statements separated by {@code ;}, e.g. a benchmark's queries.
 *
 * <p>A {@code ;} inside a quoted string ({@code '..'}, {@code E'..'} with backslash escapes), a
 * quoted identifier ({@code ".."}, {@code `..`}), a dollar-quoted string ({@code $tag$..$tag$})
 * or a comment ({@code --}, nested {@code /* *}{@code /}) does not end a statement. Stretches
 * holding only whitespace and comments are not statements. Each statement is one event:
 * <ul>
 * <li>source: the file as given; id: {@code LINE#ORDINAL}, the 1-based line of the statement's
 *     first token and its 1-based position in the file, so ids are stable across reads;
 * <li>start: the file's last-modified time plus {@code ORDINAL} microseconds, so the file's order
 *     is kept and events have distinct times;
 * <li>user {@code unknown}, duration 0, rows 0, status SUCCEEDED.
 * </ul>
 * A quote or comment still open at the end of the file makes the rest, from the statement's
 * start, one bad record at that line. The file is read into memory whole.
 */
public final class SqlFileSource
        implements WorkloadSource
{
    public static final String FORMAT = "sql";
    public static final String USER = "unknown";

    private final Fingerprinter fingerprinter;

    public SqlFileSource(Fingerprinter fingerprinter)
    {
        this.fingerprinter = requireNonNull(fingerprinter, "fingerprinter is null");
    }

    @Override
    public String format()
    {
        return FORMAT;
    }

    @Override
    public SourceStats read(Path file, Consumer<QueryEvent> events, Consumer<BadRecord> problems)
    {
        requireNonNull(file, "file is null");
        requireNonNull(events, "events is null");
        requireNonNull(problems, "problems is null");
        String text = SourceFiles.readString(file);
        Instant modified = SourceFiles.lastModified(file);
        String source = file.toString();

        long ordinal = 0;
        long bad = 0;
        int length = text.length();
        int position = 0;
        int line = 1;
        // the current statement's first token, or -1 before it
        int start = -1;
        int startLine = 0;
        String unterminated = null;
        while (position <= length) {
            char c = position < length ? text.charAt(position) : ';';
            char next = position + 1 < length ? text.charAt(position + 1) : 0;
            if (c == ';') {
                if (start >= 0) {
                    ordinal++;
                    String sql = text.substring(start, trimmedEnd(text, start, position));
                    events.accept(QueryEvent.succeeded(source, startLine + "#" + ordinal, USER, modified.plusNanos(ordinal * 1000),
                            0, 0, sql, fingerprinter.fingerprint(sql)));
                    start = -1;
                }
                position++;
                continue;
            }
            if (c == '\n') {
                line++;
                position++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                position++;
                continue;
            }
            int end;
            if (c == '-' && next == '-') {
                end = text.indexOf('\n', position);
                position = end < 0 ? length : end;
                continue;
            }
            if (c == '/' && next == '*') {
                end = blockCommentEnd(text, position);
                if (end < 0) {
                    unterminated = "a comment";
                }
            }
            else {
                if (start < 0) {
                    start = position;
                    startLine = line;
                }
                if (c == '\'' || c == '"' || c == '`') {
                    end = quotedEnd(text, position + 1, c, c == '\'' && position > 0 && isEscapePrefix(text, position - 1));
                    if (end < 0) {
                        unterminated = c == '\'' ? "a string" : "a quoted identifier";
                    }
                }
                else if (c == '$' && dollarTagEnd(text, position) > 0) {
                    String tag = text.substring(position, dollarTagEnd(text, position));
                    int close = text.indexOf(tag, position + tag.length());
                    end = close < 0 ? -1 : close + tag.length();
                    if (end < 0) {
                        unterminated = "a dollar-quoted string";
                    }
                }
                else if (Character.isLetterOrDigit(c) || c == '_') {
                    end = position + 1;
                    while (end < length && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_' || text.charAt(end) == '$')) {
                        end++;
                    }
                }
                else {
                    end = position + 1;
                }
            }
            if (unterminated != null) {
                int recordStart = start >= 0 ? start : position;
                int recordLine = start >= 0 ? startLine : line;
                bad++;
                problems.accept(new BadRecord(source, recordLine,
                        "%s starting at line %d is never closed, so the rest of the file is not read as statements: close it".formatted(unterminated, line),
                        SourceFiles.excerpt(text.substring(recordStart, Math.min(length, recordStart + 2 * BadRecord.MAX_EXCERPT)))));
                start = -1;
                break;
            }
            for (int i = position; i < end; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            position = end;
        }
        return new SourceStats(ordinal + bad, ordinal, bad);
    }

    private static int trimmedEnd(String text, int start, int end)
    {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** Whether the character before a quote makes it an {@code E'..'} string, where a backslash escapes. */
    private static boolean isEscapePrefix(String text, int index)
    {
        char c = text.charAt(index);
        return (c == 'e' || c == 'E') && (index == 0 || !Character.isLetterOrDigit(text.charAt(index - 1)) && text.charAt(index - 1) != '_');
    }

    /** The offset after the closing quote of a quoted text whose body starts at {@code from}, or -1. */
    private static int quotedEnd(String text, int from, char quote, boolean backslashEscapes)
    {
        int length = text.length();
        int i = from;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '\\' && backslashEscapes) {
                i += 2;
            }
            else if (c == quote) {
                if (i + 1 < length && text.charAt(i + 1) == quote) {
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
        return -1;
    }

    private static int blockCommentEnd(String text, int position)
    {
        int length = text.length();
        int depth = 0;
        int i = position;
        while (i + 1 < length) {
            if (text.charAt(i) == '/' && text.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            }
            else if (text.charAt(i) == '*' && text.charAt(i + 1) == '/') {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            }
            else {
                i++;
            }
        }
        return -1;
    }

    /** The offset after a dollar-quote tag ({@code $$} or {@code $name$}) starting at position, or -1. */
    private static int dollarTagEnd(String text, int position)
    {
        int i = position + 1;
        while (i < text.length() && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '_'
                || i > position + 1 && Character.isDigit(text.charAt(i)))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '$' ? i + 1 : -1;
    }
}
