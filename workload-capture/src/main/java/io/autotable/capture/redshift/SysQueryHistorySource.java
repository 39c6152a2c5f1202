package io.autotable.capture.redshift;

import io.autotable.capture.BadRecord;
import io.autotable.capture.SourceStats;
import io.autotable.capture.WorkloadSource;
import io.autotable.sql.Fingerprinter;
import io.autotable.workload.QueryEvent;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Format {@code redshift-sys-query-history}: a CSV export, with a header row, of Amazon Redshift's
 * <a href="https://docs.aws.amazon.com/redshift/latest/dg/SYS_QUERY_HISTORY.html">SYS_QUERY_HISTORY</a>
 * view, e.g. {@code UNLOAD ('SELECT * FROM sys_query_history') ... CSV HEADER} or a SQL client's
 * CSV export. Columns are found by header name, in any order; others are ignored.
 *
 * <table>
 * <caption>Columns read</caption>
 * <tr><th>Column</th><th>Required</th><th>Becomes</th></tr>
 * <tr><td>{@code query_id}</td><td>yes</td><td>the event's id</td></tr>
 * <tr><td>{@code query_text}</td><td>yes</td><td>the statement (trailing blanks of the CHAR column dropped)</td></tr>
 * <tr><td>{@code start_time}</td><td>yes</td><td>start; {@code 2023-07-14 14:08:22.123456}, UTC</td></tr>
 * <tr><td>{@code status}</td><td>yes</td><td>{@code success} &rarr; SUCCEEDED; {@code failed}, {@code canceled} &rarr; FAILED;
 *     {@code planning}, {@code queued}, {@code running}, {@code returning} &rarr; skipped (not finished)</td></tr>
 * <tr><td>{@code user_id}</td><td>no</td><td>user (the numeric id; the view has no name); default {@code unknown}</td></tr>
 * <tr><td>{@code elapsed_time}</td><td>no</td><td>duration in microseconds; default {@code end_time - start_time}, else 0</td></tr>
 * <tr><td>{@code end_time}</td><td>no</td><td>see {@code elapsed_time}</td></tr>
 * <tr><td>{@code returned_rows}</td><td>no</td><td>rows; empty or negative &rarr; 0</td></tr>
 * <tr><td>{@code error_message}</td><td>no</td><td>the error of a failed or canceled query; default the status</td></tr>
 * </table>
 *
 * <p>SYS_QUERY_HISTORY cuts {@code query_text} at 4,000 characters: a longer statement is imported
 * cut, and statements sharing their first 4,000 characters group together. SYS_QUERY_TEXT holds
 * the full text in 4,000-character chunks; this source does not read it.
 *
 * <p>Stats: {@code records} counts the data rows, so {@code records - events - bad} is the number
 * of unfinished queries skipped. A row with a wrong field count, a bad timestamp or number, or an
 * unknown status is a bad record with its line; a header without a required column fails the
 * whole file with {@link io.autotable.error.ErrorCode#INVALID_ARGUMENT}.
 */
public final class SysQueryHistorySource
        implements WorkloadSource
{
    public static final String FORMAT = "redshift-sys-query-history";
    static final String TABLE = "SYS_QUERY_HISTORY";

    private final Fingerprinter fingerprinter;

    public SysQueryHistorySource(Fingerprinter fingerprinter)
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
        String source = file.toString();
        long records = 0;
        long good = 0;
        long bad = 0;
        try (CsvRows rows = CsvRows.open(file)) {
            if (rows.header().isEmpty()) {
                return new SourceStats(0, 0, 0);
            }
            rows.requireColumns(TABLE, "query_id", "query_text", "start_time", "status");
            Optional<CsvRows.Row> next;
            while ((next = rows.next()).isPresent()) {
                CsvRows.Row row = next.get();
                records++;
                if (row.problem().isPresent()) {
                    bad++;
                    problems.accept(CsvRows.bad(source, row, row.problem().get()));
                    continue;
                }
                Optional<QueryEvent> event;
                try {
                    event = event(rows, row, source);
                }
                catch (BadRowException e) {
                    bad++;
                    problems.accept(CsvRows.bad(source, row, e.getMessage()));
                    continue;
                }
                if (event.isPresent()) {
                    good++;
                    events.accept(event.get());
                }
            }
        }
        return new SourceStats(records, good, bad);
    }

    /** The row's event, or empty for a query that had not finished. */
    private Optional<QueryEvent> event(CsvRows rows, CsvRows.Row row, String source)
    {
        String status = rows.value(row, "status").orElseThrow(() -> new BadRowException("status is empty")).toLowerCase(Locale.ROOT);
        boolean failed;
        switch (status) {
            case "success" -> failed = false;
            case "failed", "canceled", "cancelled" -> failed = true;
            case "planning", "queued", "running", "returning" -> {
                return Optional.empty();
            }
            default -> throw new BadRowException("status %s is not one of success, failed, canceled, planning, queued, running, returning".formatted(quote(status)));
        }
        String id = rows.value(row, "query_id").orElseThrow(() -> new BadRowException("query_id is empty"));
        String sql = rows.rawValue(row, "query_text").orElse("").stripTrailing();
        if (sql.isBlank()) {
            throw new BadRowException("query_text is empty");
        }
        Instant start = timestamp(rows, row, "start_time").orElseThrow(() -> new BadRowException("start_time is empty"));
        Optional<Instant> end = timestamp(rows, row, "end_time");
        long duration = number(rows, row, "elapsed_time")
                .orElseGet(() -> end.map(e -> Duration.between(start, e).toNanos() / 1000).orElse(0L));
        long returned = Math.max(0, number(rows, row, "returned_rows").orElse(0L));
        String user = rows.value(row, "user_id").orElse("unknown");
        String fingerprint = fingerprinter.fingerprint(sql);
        if (failed) {
            String error = rows.value(row, "error_message").orElse(status);
            return Optional.of(QueryEvent.failed(source, id, user, start, Math.max(0, duration), sql, fingerprint, error));
        }
        return Optional.of(QueryEvent.succeeded(source, id, user, start, Math.max(0, duration), returned, sql, fingerprint));
    }

    static Optional<Instant> timestamp(CsvRows rows, CsvRows.Row row, String column)
    {
        return rows.value(row, column).map(text -> RedshiftTimestamps.parse(text)
                .orElseThrow(() -> new BadRowException("%s %s is not a timestamp like 2023-07-14 14:08:22.123456".formatted(column, quote(text)))));
    }

    static Optional<Long> number(CsvRows rows, CsvRows.Row row, String column)
    {
        return rows.value(row, column).map(text -> {
            try {
                return Long.parseLong(text);
            }
            catch (NumberFormatException e) {
                throw new BadRowException("%s %s is not an integer".formatted(column, quote(text)));
            }
        });
    }

    static String quote(String text)
    {
        return "'" + (text.length() <= 40 ? text : text.substring(0, 37) + "...") + "'";
    }
}
