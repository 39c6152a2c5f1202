package io.autotable.capture.postgres;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.autotable.capture.BadRecord;
import io.autotable.capture.SourceStats;
import io.autotable.capture.WorkloadSource;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.sql.Fingerprinter;
import io.autotable.workload.QueryEvent;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.logging.Logger;

import static java.util.Objects.requireNonNull;

/**
 * Imports PostgreSQL's {@code pg_stat_statements} view, from a CSV export or live over JDBC.
 *
 * <p>Export with {@code COPY (SELECT * FROM pg_stat_statements) TO STDOUT WITH CSV HEADER}; columns
 * are selected by header name (PostgreSQL 13 to 16 names; {@code total_time} of 12 and older is
 * accepted too). The view holds user <em>oids</em>; an export that adds a {@code rolname} column
 * ({@code SELECT r.rolname, s.* FROM pg_stat_statements s LEFT JOIN pg_roles r ON r.oid = s.userid})
 * gives events user names, and the live mode does that join itself.
 *
 * <h2>From aggregates to events</h2>
 * The view keeps one row per (user, database, top-level, query id) with {@code calls},
 * {@code total_exec_time} and {@code rows} summed over every run; autotable's model is one event
 * per run. A row becomes {@code min(calls, maxEventsPerStatement)} events:
 * <ul>
 * <li>up to the cap, one event per call: the count is exact, durations are
 *     {@code total_exec_time / calls} (the remainder spread in microseconds so they sum exactly to
 *     {@code total_exec_time}) and rows likewise sum to {@code rows};</li>
 * <li>above the cap, {@code maxEventsPerStatement} events whose durations and rows still sum to
 *     the statement's totals: the total time a statement costs, which is what ranks it, is kept;
 *     the number of runs is undercounted and each event's duration overstated. Such statements are
 *     logged (one line per file) so a user can raise the cap.</li>
 * </ul>
 * The view records no start times: every event starts at the snapshot's time (the export file's
 * modification time, or the server's clock in live mode), so time-of-day and concurrency analyses
 * mean nothing for this source. It records only completed statements, so every event SUCCEEDED;
 * a row with no calls (planned only) gives no event.
 *
 * <h2>Identity</h2>
 * Events have source {@code pg-stat-statements} and id {@code queryid/userid/dbid/toplevel/n} (n
 * the call's index), so importing an export twice, or the export and the live view of the same
 * server, adds nothing twice, and a later snapshot adds only the calls beyond those already
 * imported (until {@code pg_stat_statements_reset()}). Exports of two different servers can share
 * query ids: import them into different workspaces.
 *
 * <p>Statements keep their {@code $1} placeholders, which the fingerprinter sees as parameters.
 */
public final class PgStatStatementsSource
        implements WorkloadSource
{
    public static final String FORMAT = "pg-stat-statements";
    public static final int DEFAULT_MAX_EVENTS_PER_STATEMENT = 1_000;

    private static final Logger LOG = Logger.getLogger(PgStatStatementsSource.class.getName());
    private static final String LIVE_QUERY = "SELECT r.rolname, s.* FROM pg_stat_statements s LEFT JOIN pg_roles r ON r.oid = s.userid";

    private final Fingerprinter fingerprinter;
    private final int maxEventsPerStatement;

    public PgStatStatementsSource(Fingerprinter fingerprinter)
    {
        this(fingerprinter, DEFAULT_MAX_EVENTS_PER_STATEMENT);
    }

    public PgStatStatementsSource(Fingerprinter fingerprinter, int maxEventsPerStatement)
    {
        this.fingerprinter = requireNonNull(fingerprinter, "fingerprinter is null");
        if (maxEventsPerStatement < 1) {
            throw CaptureException.invalid("maxEventsPerStatement must be >= 1, got %d", maxEventsPerStatement);
        }
        this.maxEventsPerStatement = maxEventsPerStatement;
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
        Instant snapshot;
        try {
            snapshot = Files.getLastModifiedTime(file).toInstant();
        }
        catch (NoSuchFileException e) {
            throw new CaptureException(ErrorCode.FILE_NOT_FOUND, "%s: no such file".formatted(file));
        }
        catch (IOException e) {
            throw notReadable(file, e);
        }
        Counter counter = new Counter(file.toString(), snapshot, events, problems);
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(reader)) {
            boolean headerChecked = false;
            while (true) {
                long line = rows.getCurrentLocation().getLineNr();
                Map<String, String> row;
                try {
                    if (!rows.hasNextValue()) {
                        break;
                    }
                    // the header is read by the first hasNextValue: the first record starts after it
                    line = Math.max(line, 2);
                    row = rows.nextValue();
                }
                catch (RuntimeJsonMappingException | IOException e) {
                    // a broken quote leaves the rest of the file unreadable as CSV
                    counter.bad(Math.max(line, 1), "malformed CSV: %s; the rest of the file is skipped".formatted(firstLine(e.getMessage())), "");
                    break;
                }
                if (!headerChecked) {
                    checkHeader(file, row);
                    headerChecked = true;
                }
                counter.row(line, Optional.ofNullable(row.get("rolname")), row.get("userid"), row.get("dbid"), row.get("toplevel"), row.get("queryid"),
                        row.get("query"), row.get("calls"), totalTime(row), row.get("rows"));
            }
        }
        catch (IOException e) {
            throw notReadable(file, e);
        }
        counter.logCapped();
        return counter.stats();
    }

    /**
     * Reads the live view over JDBC ({@code org.postgresql} driver). The role needs
     * {@code pg_read_all_stats} to see other users' statement texts; rows it may not see are
     * reported as bad records.
     *
     * @param jdbcUrl e.g. {@code jdbc:postgresql://host:5432/db}
     * @param properties the driver's properties ({@code user}, {@code password}, ...)
     * @throws CaptureException with {@link ErrorCode#FILE_NOT_READABLE} when the server cannot be
     *         reached or has no {@code pg_stat_statements}, naming the host and port and what to do
     */
    public SourceStats readServer(String jdbcUrl, Properties properties, Consumer<QueryEvent> events, Consumer<BadRecord> problems)
    {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(properties, "properties is null");
        requireNonNull(events, "events is null");
        requireNonNull(problems, "problems is null");
        String where = describeServer(jdbcUrl, properties);
        Connection connection;
        try {
            connection = DriverManager.getConnection(jdbcUrl, properties);
        }
        catch (SQLException e) {
            throw new CaptureException(ErrorCode.FILE_NOT_READABLE,
                    "cannot connect to PostgreSQL at %s: %s; check that the server runs and accepts TCP connections there (listen_addresses, pg_hba.conf), or import a CSV export of pg_stat_statements instead"
                            .formatted(where, firstLine(e.getMessage())), e);
        }
        try (connection; Statement statement = connection.createStatement()) {
            Instant snapshot;
            try (ResultSet rs = statement.executeQuery("SELECT now()")) {
                rs.next();
                snapshot = rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
            }
            Counter counter = new Counter(where, snapshot, events, problems);
            try (ResultSet rs = statement.executeQuery(LIVE_QUERY)) {
                boolean hasToplevel = hasColumn(rs, "toplevel");
                String totalColumn = hasColumn(rs, "total_exec_time") ? "total_exec_time" : "total_time";
                long line = 0;
                while (rs.next()) {
                    line++;
                    counter.row(line, Optional.ofNullable(rs.getString("rolname")), rs.getString("userid"), rs.getString("dbid"),
                            hasToplevel ? rs.getString("toplevel") : null, rs.getString("queryid"), rs.getString("query"),
                            rs.getString("calls"), rs.getString(totalColumn), rs.getString("rows"));
                }
            }
            counter.logCapped();
            return counter.stats();
        }
        catch (SQLException e) {
            String hint = "42P01".equals(e.getSQLState())
                    ? "; run CREATE EXTENSION pg_stat_statements in that database, with shared_preload_libraries = 'pg_stat_statements' in postgresql.conf"
                    : "";
            throw new CaptureException(ErrorCode.FILE_NOT_READABLE,
                    "cannot read pg_stat_statements at %s: %s%s".formatted(where, firstLine(e.getMessage()), hint), e);
        }
    }

    private static boolean hasColumn(ResultSet rs, String name)
            throws SQLException
    {
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            if (rs.getMetaData().getColumnName(i).equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static String describeServer(String jdbcUrl, Properties properties)
    {
        Properties parsed = org.postgresql.Driver.parseURL(jdbcUrl, properties);
        if (parsed == null) {
            throw CaptureException.invalid("'%s' is not a PostgreSQL JDBC URL: expected jdbc:postgresql://host:port/database", jdbcUrl);
        }
        return "%s:%s/%s".formatted(parsed.getProperty("PGHOST", "localhost"), parsed.getProperty("PGPORT", "5432"), parsed.getProperty("PGDBNAME", ""));
    }

    private static void checkHeader(Path file, Map<String, String> row)
    {
        for (String required : List.of("query", "calls", "rows")) {
            if (!row.containsKey(required)) {
                throw missingColumn(file, required, row);
            }
        }
        if (!row.containsKey("total_exec_time") && !row.containsKey("total_time")) {
            throw missingColumn(file, "total_exec_time", row);
        }
    }

    private static CaptureException missingColumn(Path file, String column, Map<String, String> row)
    {
        return new CaptureException(ErrorCode.INVALID_ARGUMENT,
                "%s: not a pg_stat_statements export: no column '%s' in the header %s; export with COPY (SELECT * FROM pg_stat_statements) TO STDOUT WITH CSV HEADER"
                        .formatted(file, column, row.keySet()));
    }

    private static String totalTime(Map<String, String> row)
    {
        String value = row.get("total_exec_time");
        return value != null ? value : row.get("total_time");
    }

    private static CaptureException notReadable(Path file, IOException e)
    {
        return new CaptureException(ErrorCode.FILE_NOT_READABLE, "%s: cannot read: %s".formatted(file, firstLine(String.valueOf(e.getMessage()))), e);
    }

    private static String firstLine(String message)
    {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Turns rows into events and counts them, for one file or one server. */
    private final class Counter
    {
        private final String origin;
        private final Instant snapshot;
        private final Consumer<QueryEvent> events;
        private final Consumer<BadRecord> problems;
        private long records;
        private long emitted;
        private long bad;
        private long capped;

        Counter(String origin, Instant snapshot, Consumer<QueryEvent> events, Consumer<BadRecord> problems)
        {
            this.origin = origin;
            this.snapshot = snapshot;
            this.events = events;
            this.problems = problems;
        }

        void row(long line, Optional<String> rolname, String userid, String dbid, String toplevel, String queryid, String query, String calls, String totalMillis, String rows)
        {
            records++;
            if (query == null || query.isBlank()) {
                bad(line, "the statement text is empty", "");
                return;
            }
            if (query.equals("<insufficient privilege>")) {
                bad(line, "the exporting role may not see this statement's text: export as a superuser or a member of pg_read_all_stats", query);
                return;
            }
            long callCount;
            long rowCount;
            double millis;
            try {
                callCount = Long.parseLong(calls.strip());
                rowCount = Long.parseLong(rows.strip());
                millis = Double.parseDouble(totalMillis.strip());
            }
            catch (NumberFormatException | NullPointerException e) {
                bad(line, "calls, rows and total_exec_time must be numbers, got '%s', '%s', '%s'".formatted(calls, rows, totalMillis), query);
                return;
            }
            if (callCount < 0 || rowCount < 0 || !(millis >= 0) || Double.isInfinite(millis)) {
                bad(line, "calls, rows and total_exec_time must be >= 0, got %d, %d, %s".formatted(callCount, rowCount, totalMillis), query);
                return;
            }
            if (callCount == 0) {
                return;
            }
            String fingerprint = fingerprinter.fingerprint(query);
            String user = rolname.filter(name -> !name.isBlank()).orElse(userid == null || userid.isBlank() ? "unknown" : userid);
            String key = "%s/%s/%s/%s".formatted(
                    queryid == null || queryid.isBlank() ? fingerprint : queryid,
                    nullToEmpty(userid),
                    nullToEmpty(dbid),
                    toplevel == null || toplevel.isBlank() ? "t" : toplevel.substring(0, 1).toLowerCase(java.util.Locale.ROOT));
            int count = (int) Math.min(callCount, maxEventsPerStatement);
            if (count < callCount) {
                capped++;
            }
            long totalMicros = Math.round(millis * 1000);
            for (int i = 0; i < count; i++) {
                events.accept(QueryEvent.succeeded(FORMAT, key + "/" + i, user, snapshot, share(totalMicros, count, i), share(rowCount, count, i), query, fingerprint));
            }
            emitted += count;
        }

        void bad(long line, String reason, String excerpt)
        {
            bad++;
            problems.accept(new BadRecord(origin, line, reason, excerpt.strip()));
        }

        void logCapped()
        {
            if (capped > 0) {
                LOG.info("%s: %d statements ran more than %d times; each was imported as %d events carrying its total time, so their run counts are undercounted"
                        .formatted(origin, capped, maxEventsPerStatement, maxEventsPerStatement));
            }
        }

        SourceStats stats()
        {
            return new SourceStats(records, emitted, bad);
        }
    }

    // the i-th of n parts of total, the first (total % n) parts one larger, so the parts sum to total
    private static long share(long total, int n, int i)
    {
        return total / n + (i < total % n ? 1 : 0);
    }

    private static String nullToEmpty(String value)
    {
        return value == null ? "" : value;
    }
}
