package io.autotable.capture.jsonl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.autotable.capture.BadRecord;
import io.autotable.capture.SourceFiles;
import io.autotable.capture.SourceStats;
import io.autotable.capture.WorkloadSource;
import io.autotable.json.Json;
import io.autotable.sql.Fingerprinter;
import io.autotable.workload.EventStatus;
import io.autotable.workload.QueryEvent;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * Format {@code jsonl}: one JSON object per line, e.g. a warehouse's log exported by a script.
 *
 * <table>
 * <caption>Fields</caption>
 * <tr><th>Field</th><th>Type</th><th>Required</th><th>Meaning</th></tr>
 * <tr><td>{@code sql}</td><td>string</td><td>yes</td><td>the statement's text</td></tr>
 * <tr><td>{@code id}</td><td>string or integer</td><td>no</td><td>the event's id in its source; default the line number</td></tr>
 * <tr><td>{@code user}</td><td>string</td><td>no</td><td>who ran it; default {@code unknown}</td></tr>
 * <tr><td>{@code start}</td><td>ISO-8601 instant string ({@code 2024-03-01T12:00:00.123456Z}, an offset allowed) or epoch milliseconds (integer)</td><td>no</td><td>when it started; default the file's last-modified time plus the line number in microseconds</td></tr>
 * <tr><td>{@code durationMicros}</td><td>integer &ge; 0</td><td>no</td><td>how long it ran; default 0</td></tr>
 * <tr><td>{@code durationMs}</td><td>number &ge; 0</td><td>no</td><td>the same in milliseconds (fractions kept to the microsecond); give one of the two, not both</td></tr>
 * <tr><td>{@code rows}</td><td>integer &ge; 0</td><td>no</td><td>rows returned or changed; default 0</td></tr>
 * <tr><td>{@code status}</td><td>{@code SUCCEEDED} or {@code FAILED}, any case</td><td>no</td><td>default FAILED when {@code error} is given, else SUCCEEDED</td></tr>
 * <tr><td>{@code error}</td><td>string</td><td>no</td><td>the engine's error message; only with FAILED (a FAILED line without one gets {@code (no error message in the log)})</td></tr>
 * <tr><td>{@code source}</td><td>string</td><td>no</td><td>where the event came from; default the file as given</td></tr>
 * </table>
 *
 * <p>Other fields are ignored, as logs carry more than autotable needs; {@code null} is the same
 * as a missing field. Blank lines are not records. A line that is not a JSON object, lacks
 * {@code sql}, or has a field of the wrong type or value is a bad record with its line number and
 * the field at fault; reading goes on with the next line.
 */
public final class JsonlSource
        implements WorkloadSource
{
    public static final String FORMAT = "jsonl";
    public static final String DEFAULT_USER = "unknown";
    public static final String NO_ERROR_MESSAGE = "(no error message in the log)";

    private final Fingerprinter fingerprinter;

    public JsonlSource(Fingerprinter fingerprinter)
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
        Instant modified = SourceFiles.lastModified(file);
        String fileName = file.toString();
        long records = 0;
        long good = 0;
        long bad = 0;
        try (BufferedReader reader = SourceFiles.open(file)) {
            long lineNumber = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                records++;
                QueryEvent event;
                try {
                    event = parse(line, lineNumber, fileName, modified);
                }
                catch (BadLineException e) {
                    bad++;
                    problems.accept(new BadRecord(fileName, lineNumber, e.getMessage(), SourceFiles.excerpt(line)));
                    continue;
                }
                good++;
                events.accept(event);
            }
        }
        catch (IOException e) {
            throw SourceFiles.unreadable(file, e);
        }
        return new SourceStats(records, good, bad);
    }

    private QueryEvent parse(String line, long lineNumber, String fileName, Instant modified)
    {
        JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        }
        catch (JsonProcessingException e) {
            throw new BadLineException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadLineException("not a JSON object: each line holds one object with at least \"sql\"");
        }
        String sql = text(node, "sql").orElseThrow(() -> new BadLineException("\"sql\" is missing: each line needs the statement's text"));
        if (sql.isBlank()) {
            throw new BadLineException("\"sql\" is blank");
        }
        String id = id(node).orElse(Long.toString(lineNumber));
        String user = text(node, "user").orElse(DEFAULT_USER);
        String source = text(node, "source").orElse(fileName);
        if (source.isBlank()) {
            throw new BadLineException("\"source\" is blank");
        }
        Instant start = start(node).orElse(modified.plusNanos(lineNumber * 1000));
        long duration = duration(node);
        long rows = nonNegativeLong(node, "rows").orElse(0L);
        Optional<String> error = text(node, "error");
        EventStatus status = status(node).orElse(error.isPresent() ? EventStatus.FAILED : EventStatus.SUCCEEDED);
        if (status == EventStatus.SUCCEEDED && error.isPresent()) {
            throw new BadLineException("\"error\" is given but \"status\" is SUCCEEDED: drop one");
        }
        if (status == EventStatus.FAILED && error.isEmpty()) {
            error = Optional.of(NO_ERROR_MESSAGE);
        }
        return new QueryEvent(source, id, user, start, duration, rows, sql, fingerprinter.fingerprint(sql), status, error);
    }

    private static Optional<JsonNode> field(JsonNode node, String name)
    {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    private static Optional<String> text(JsonNode node, String name)
    {
        return field(node, name).map(value -> {
            if (!value.isTextual()) {
                throw new BadLineException("\"%s\" must be a string, got %s".formatted(name, describe(value)));
            }
            return value.textValue();
        });
    }

    private static Optional<String> id(JsonNode node)
    {
        return field(node, "id").map(value -> {
            if (value.isTextual() && !value.textValue().isBlank()) {
                return value.textValue();
            }
            if (value.isIntegralNumber()) {
                return value.bigIntegerValue().toString();
            }
            throw new BadLineException("\"id\" must be a non-blank string or an integer, got %s".formatted(describe(value)));
        });
    }

    private static Optional<Instant> start(JsonNode node)
    {
        return field(node, "start").map(value -> {
            if (value.isTextual()) {
                try {
                    return Instant.parse(value.textValue());
                }
                catch (DateTimeParseException e) {
                    throw new BadLineException("\"start\" is not an ISO-8601 instant like 2024-03-01T12:00:00.123456Z: %s".formatted(describe(value)));
                }
            }
            if (value.isIntegralNumber() && value.canConvertToLong()) {
                return Instant.ofEpochMilli(value.longValue());
            }
            throw new BadLineException("\"start\" must be an ISO-8601 string or epoch milliseconds, got %s".formatted(describe(value)));
        });
    }

    private static long duration(JsonNode node)
    {
        Optional<Long> micros = nonNegativeLong(node, "durationMicros");
        Optional<JsonNode> millis = field(node, "durationMs");
        if (micros.isPresent() && millis.isPresent()) {
            throw new BadLineException("both \"durationMicros\" and \"durationMs\" are given: keep one");
        }
        if (millis.isPresent()) {
            JsonNode value = millis.get();
            if (!value.isNumber() || value.doubleValue() < 0 || !Double.isFinite(value.doubleValue()) || value.doubleValue() > Long.MAX_VALUE / 1000.0) {
                throw new BadLineException("\"durationMs\" must be a number >= 0, got %s".formatted(describe(value)));
            }
            return Math.round(value.doubleValue() * 1000);
        }
        return micros.orElse(0L);
    }

    private static Optional<Long> nonNegativeLong(JsonNode node, String name)
    {
        return field(node, name).map(value -> {
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
                throw new BadLineException("\"%s\" must be an integer >= 0, got %s".formatted(name, describe(value)));
            }
            return value.longValue();
        });
    }

    private static Optional<EventStatus> status(JsonNode node)
    {
        return text(node, "status").map(value -> switch (value.strip().toUpperCase(Locale.ROOT)) {
            case "SUCCEEDED" -> EventStatus.SUCCEEDED;
            case "FAILED" -> EventStatus.FAILED;
            default -> throw new BadLineException("\"status\" must be SUCCEEDED or FAILED, got %s".formatted(describe(node.get("status"))));
        });
    }

    private static String describe(JsonNode value)
    {
        String text = value.toString();
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    /** Why one line is bad; caught in the read loop, never leaves this class. */
    private static final class BadLineException
            extends RuntimeException
    {
        BadLineException(String message)
        {
            super(message, null, false, false);
        }
    }
}
