package io.autotable.capture.redshift;

import io.autotable.capture.BadRecord;
import io.autotable.capture.SourceStats;
import io.autotable.capture.WorkloadSource;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.sql.Fingerprinter;
import io.autotable.workload.QueryEvent;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Format {@code redshift-stl-query}: CSV exports, with header rows, of Amazon Redshift's
 * <a href="https://docs.aws.amazon.com/redshift/latest/dg/r_STL_QUERY.html">STL_QUERY</a> and,
 * optionally, <a href="https://docs.aws.amazon.com/redshift/latest/dg/r_STL_QUERYTEXT.html">STL_QUERYTEXT</a>:
 * {@code autotable import redshift-stl-query STL_QUERY.csv STL_QUERYTEXT.csv}. Each file's kind
 * comes from its header ({@code querytxt} for STL_QUERY; {@code sequence} and {@code text} for
 * STL_QUERYTEXT), so the files may be named in any order: {@link #read(List, Consumer, Consumer)}.
 *
 * <table>
 * <caption>STL_QUERY columns read</caption>
 * <tr><th>Column</th><th>Required</th><th>Becomes</th></tr>
 * <tr><td>{@code query}</td><td>yes</td><td>the event's id</td></tr>
 * <tr><td>{@code querytxt}</td><td>yes</td><td>the statement when STL_QUERYTEXT lacks it (cut at 4,000 characters)</td></tr>
 * <tr><td>{@code starttime}</td><td>yes</td><td>start; {@code 2023-07-14 14:08:22.123456}, UTC</td></tr>
 * <tr><td>{@code endtime}</td><td>no</td><td>duration = {@code endtime - starttime}; default 0</td></tr>
 * <tr><td>{@code userid}</td><td>no</td><td>user (the numeric id); default {@code unknown}</td></tr>
 * <tr><td>{@code aborted}</td><td>no</td><td>{@code 1}/{@code t}/{@code true} &rarr; FAILED with error {@value #ABORTED}</td></tr>
 * </table>
 * STL_QUERY records no returned rows, so rows are 0.
 *
 * <table>
 * <caption>STL_QUERYTEXT columns read</caption>
 * <tr><th>Column</th><th>Required</th><th>Becomes</th></tr>
 * <tr><td>{@code query}</td><td>yes</td><td>the query the chunk belongs to</td></tr>
 * <tr><td>{@code sequence}</td><td>yes</td><td>the chunk's place, from 0</td></tr>
 * <tr><td>{@code text}</td><td>yes</td><td>200 characters of the statement</td></tr>
 * </table>
 *
 * <p>Reassembly: a query's chunks are joined in sequence order when sequences 0..n-1 are all
 * there; otherwise STL_QUERY's {@code querytxt} is used and the query is counted (and logged) as
 * a fallback. Chunks are CHAR(200): a chunk other than the last that the export shortened (its
 * trailing blanks dropped) is padded back to 200 characters, and the last is stripped of trailing
 * blanks. Redshift stores a newline as the two characters {@code \n}; they are turned back into a
 * newline after joining, so an escape split across two chunks is found.
 *
 * <p>Stats: {@code records} counts STL_QUERY rows plus bad STL_QUERYTEXT rows (which are reported,
 * with their file and line, like bad STL_QUERY rows).
 */
public final class StlQuerySource
        implements WorkloadSource
{
    public static final String FORMAT = "redshift-stl-query";
    public static final String ABORTED = "aborted (STL_QUERY records no message; see STL_ERROR)";
    static final int CHUNK_LENGTH = 200;

    private static final System.Logger LOG = System.getLogger(StlQuerySource.class.getName());

    private final Fingerprinter fingerprinter;

    public StlQuerySource(Fingerprinter fingerprinter)
    {
        this.fingerprinter = requireNonNull(fingerprinter, "fingerprinter is null");
    }

    /** Which system table a CSV export holds, by its header. */
    public enum Kind
    {
        STL_QUERY,
        STL_QUERYTEXT
    }

    @Override
    public String format()
    {
        return FORMAT;
    }

    /**
     * Reads one STL_QUERY export on its own: statements come from {@code querytxt}, cut at 4,000
     * characters. For the full text use {@link #read(List, Consumer, Consumer)}.
     *
     * @throws CaptureException with {@link ErrorCode#INVALID_ARGUMENT} when the file is an STL_QUERYTEXT export
     */
    @Override
    public SourceStats read(Path file, Consumer<QueryEvent> events, Consumer<BadRecord> problems)
    {
        return read(List.of(file), events, problems);
    }

    /**
     * Reads STL_QUERY exports with the full text from STL_QUERYTEXT exports, in any order.
     *
     * @throws CaptureException with {@link ErrorCode#INVALID_ARGUMENT} when no file is an STL_QUERY
     *         export or a file is neither kind
     */
    public SourceStats read(List<Path> files, Consumer<QueryEvent> events, Consumer<BadRecord> problems)
    {
        requireNonNull(files, "files is null");
        requireNonNull(events, "events is null");
        requireNonNull(problems, "problems is null");
        List<Path> queryFiles = new ArrayList<>();
        List<Path> textFiles = new ArrayList<>();
        for (Path file : files) {
            Optional<Kind> kind = kind(file);
            if (kind.isEmpty()) {
                // an empty file holds nothing of either kind
                continue;
            }
            (kind.get() == Kind.STL_QUERY ? queryFiles : textFiles).add(file);
        }
        if (queryFiles.isEmpty() && !textFiles.isEmpty()) {
            throw new CaptureException(ErrorCode.INVALID_ARGUMENT,
                    "%s is an STL_QUERYTEXT export: name the STL_QUERY export too: autotable import %s STL_QUERY.csv STL_QUERYTEXT.csv".formatted(textFiles.get(0), FORMAT));
        }
        long[] counts = new long[3];
        Map<String, TreeMap<Integer, String>> chunks = new HashMap<>();
        for (Path file : textFiles) {
            readChunks(file, chunks, problems, counts);
        }
        long fallbacks = 0;
        for (Path file : queryFiles) {
            fallbacks += readQueries(file, chunks, !textFiles.isEmpty(), events, problems, counts);
        }
        if (fallbacks > 0) {
            LOG.log(System.Logger.Level.WARNING, "{0} queries have no complete text in the STL_QUERYTEXT export; their text is STL_QUERY''s querytxt, cut at 4,000 characters", fallbacks);
        }
        return new SourceStats(counts[0], counts[1], counts[2]);
    }

    /** The kind of a CSV export by its header, or empty for an empty file. */
    public static Optional<Kind> kind(Path file)
    {
        try (CsvRows rows = CsvRows.open(file)) {
            if (rows.header().isEmpty()) {
                return Optional.empty();
            }
            if (rows.hasColumn("querytxt")) {
                return Optional.of(Kind.STL_QUERY);
            }
            if (rows.hasColumn("sequence") && rows.hasColumn("text")) {
                return Optional.of(Kind.STL_QUERYTEXT);
            }
            throw new CaptureException(ErrorCode.INVALID_ARGUMENT,
                    "%s is neither an STL_QUERY export (no column querytxt) nor an STL_QUERYTEXT export (no columns sequence and text): export them with header rows".formatted(file));
        }
    }

    private static void readChunks(Path file, Map<String, TreeMap<Integer, String>> chunks, Consumer<BadRecord> problems, long[] counts)
    {
        String source = file.toString();
        try (CsvRows rows = CsvRows.open(file)) {
            rows.requireColumns("STL_QUERYTEXT", "query", "sequence", "text");
            Optional<CsvRows.Row> next;
            while ((next = rows.next()).isPresent()) {
                CsvRows.Row row = next.get();
                String problem = row.problem().orElse(null);
                String query = null;
                int sequence = -1;
                if (problem == null) {
                    query = rows.value(row, "query").orElse(null);
                    String text = rows.value(row, "sequence").orElse("");
                    try {
                        sequence = Integer.parseInt(text);
                    }
                    catch (NumberFormatException e) {
                        sequence = -1;
                    }
                    if (query == null) {
                        problem = "query is empty";
                    }
                    else if (sequence < 0) {
                        problem = "sequence %s is not an integer >= 0".formatted(SysQueryHistorySource.quote(text));
                    }
                }
                if (problem != null) {
                    counts[0]++;
                    counts[2]++;
                    problems.accept(CsvRows.bad(source, row, problem));
                    continue;
                }
                chunks.computeIfAbsent(query, ignored -> new TreeMap<>()).put(sequence, rows.rawValue(row, "text").orElse(""));
            }
        }
    }

    /** @return how many queries fell back to querytxt although STL_QUERYTEXT was given */
    private long readQueries(Path file, Map<String, TreeMap<Integer, String>> chunks, boolean haveText,
            Consumer<QueryEvent> events, Consumer<BadRecord> problems, long[] counts)
    {
        String source = file.toString();
        long fallbacks = 0;
        try (CsvRows rows = CsvRows.open(file)) {
            rows.requireColumns("STL_QUERY", "query", "querytxt", "starttime");
            Optional<CsvRows.Row> next;
            while ((next = rows.next()).isPresent()) {
                CsvRows.Row row = next.get();
                counts[0]++;
                if (row.problem().isPresent()) {
                    counts[2]++;
                    problems.accept(CsvRows.bad(source, row, row.problem().get()));
                    continue;
                }
                QueryEvent event;
                try {
                    String id = rows.value(row, "query").orElseThrow(() -> new BadRowException("query is empty"));
                    Optional<String> full = reassemble(chunks.get(id));
                    if (full.isEmpty() && haveText) {
                        fallbacks++;
                    }
                    String sql = full.orElseGet(() -> rows.rawValue(row, "querytxt").orElse("").strip());
                    if (sql.isBlank()) {
                        throw new BadRowException("querytxt is empty and STL_QUERYTEXT has no text for query " + id);
                    }
                    Instant start = SysQueryHistorySource.timestamp(rows, row, "starttime").orElseThrow(() -> new BadRowException("starttime is empty"));
                    long duration = SysQueryHistorySource.timestamp(rows, row, "endtime")
                            .map(end -> Math.max(0, Duration.between(start, end).toNanos() / 1000))
                            .orElse(0L);
                    String user = rows.value(row, "userid").orElse("unknown");
                    String fingerprint = fingerprinter.fingerprint(sql);
                    event = aborted(rows, row)
                            ? QueryEvent.failed(source, id, user, start, duration, sql, fingerprint, ABORTED)
                            : QueryEvent.succeeded(source, id, user, start, duration, 0, sql, fingerprint);
                }
                catch (BadRowException e) {
                    counts[2]++;
                    problems.accept(CsvRows.bad(source, row, e.getMessage()));
                    continue;
                }
                counts[1]++;
                events.accept(event);
            }
        }
        return fallbacks;
    }

    private static boolean aborted(CsvRows rows, CsvRows.Row row)
    {
        String value = rows.value(row, "aborted").orElse("0");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "1", "t", "true" -> true;
            case "0", "f", "false" -> false;
            default -> throw new BadRowException("aborted %s is not 0 or 1".formatted(SysQueryHistorySource.quote(value)));
        };
    }

    /** The full text from a query's chunks, or empty when a chunk is missing. */
    static Optional<String> reassemble(TreeMap<Integer, String> chunks)
    {
        if (chunks == null || chunks.isEmpty() || chunks.firstKey() != 0 || chunks.lastKey() != chunks.size() - 1) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder(chunks.size() * CHUNK_LENGTH);
        int last = chunks.lastKey();
        for (Map.Entry<Integer, String> chunk : chunks.entrySet()) {
            String value = chunk.getValue();
            if (chunk.getKey() == last) {
                text.append(value.stripTrailing());
            }
            else {
                text.append(value);
                for (int i = value.length(); i < CHUNK_LENGTH; i++) {
                    text.append(' ');
                }
            }
        }
        String joined = unescapeNewlines(text);
        return joined.isBlank() ? Optional.empty() : Optional.of(joined);
    }

    private static String unescapeNewlines(CharSequence text)
    {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'n') {
                out.append('\n');
                i++;
            }
            else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
