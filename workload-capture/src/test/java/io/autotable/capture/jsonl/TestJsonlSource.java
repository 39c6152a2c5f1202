package io.autotable.capture.jsonl;

import io.autotable.capture.AbstractTestWorkloadSource;
import io.autotable.capture.BadRecord;
import io.autotable.capture.WorkloadSource;
import io.autotable.json.Json;
import io.autotable.workload.EventStatus;
import io.autotable.workload.QueryEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

public class TestJsonlSource
        extends AbstractTestWorkloadSource
{
    @Override
    protected WorkloadSource createSource()
    {
        return new JsonlSource(FINGERPRINTER);
    }

    @Override
    protected Path fixture()
    {
        return resource("jsonl/events.jsonl");
    }

    @Override
    protected long fixtureEvents()
    {
        return 4;
    }

    @Override
    protected String fileWithOneStatement(String sql)
    {
        return Json.write(Map.of("id", "big", "sql", sql)) + "\n";
    }

    @Override
    protected String extension()
    {
        return ".jsonl";
    }

    @Test
    public void readsEveryDocumentedField()
    {
        List<QueryEvent> events = read(fixture()).events();

        assertThat(events.get(0)).isEqualTo(QueryEvent.succeeded(fixture().toString(), "q1", "alice", Instant.parse("2024-03-01T12:00:00.123456Z"),
                1500, 1, "SELECT * FROM orders WHERE o_orderkey = 1", FINGERPRINTER.fingerprint("SELECT * FROM orders WHERE o_orderkey = 1")));
        assertThat(events.get(1).id()).isEqualTo("2");
        assertThat(events.get(1).user()).isEqualTo("unknown");
        assertThat(events.get(1).start()).isEqualTo(Instant.ofEpochMilli(1709294400000L));
        assertThat(events.get(1).durationMicros()).isEqualTo(2500);
        assertThat(events.get(1).fingerprint()).isEqualTo(events.get(0).fingerprint());
        assertThat(events.get(2).id()).isEqualTo("42");
        assertThat(events.get(2).source()).isEqualTo("prod");
        assertThat(events.get(2).status()).isEqualTo(EventStatus.FAILED);
        assertThat(events.get(2).error()).contains("permission denied for relation t");
        assertThat(events.get(3).status()).isEqualTo(EventStatus.FAILED);
        assertThat(events.get(3).error()).contains("canceled by user");
    }

    @Test
    public void reportsEachBadLineWithItsNumberAndReason()
            throws IOException
    {
        Path file = write("bad.jsonl", String.join("\n",
                "{\"sql\": \"select 1\"}",
                "not json at all",
                "{\"id\": \"x\"}",
                "{\"sql\": \"select 1\", \"start\": \"yesterday\"}",
                "{\"sql\": \"select 1\", \"rows\": \"many\"}",
                "{\"sql\": \"select 1\", \"status\": \"MAYBE\"}",
                "[1, 2]",
                "{\"sql\": \"select 1\", \"durationMicros\": -5}",
                "{\"sql\": \"select 2\"}"));

        Read read = read(file);

        assertThat(read.events()).extracting(QueryEvent::id).containsExactly("1", "9");
        assertThat(read.problems()).extracting(BadRecord::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(read.problems()).extracting(BadRecord::reason).satisfiesExactly(
                reason -> assertThat(reason).startsWith("not JSON"),
                reason -> assertThat(reason).contains("\"sql\" is missing"),
                reason -> assertThat(reason).contains("\"start\"", "yesterday"),
                reason -> assertThat(reason).contains("\"rows\" must be an integer"),
                reason -> assertThat(reason).contains("\"status\"", "MAYBE"),
                reason -> assertThat(reason).contains("not a JSON object"),
                reason -> assertThat(reason).contains("\"durationMicros\""));
        assertThat(read.stats().records()).isEqualTo(9);
    }

    @Test
    public void importsEveryGoodLineOfAGeneratedLogWithFivePercentGarbage()
            throws IOException
    {
        SplittableRandom random = new SplittableRandom(20240301);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<String> goodIds = new ArrayList<>();
        List<Long> badLines = new ArrayList<>();
        int lines = 10_000;
        for (int line = 1; line <= lines; line++) {
            byte[] bytes;
            if (line == 5000) {
                // a 10 MB statement is good
                bytes = Json.write(Map.of("id", "e" + line, "sql", "select '" + "x".repeat(10_000_000) + "'")).getBytes(StandardCharsets.UTF_8);
                goodIds.add("e" + line);
            }
            else if (random.nextInt(100) < 5) {
                badLines.add((long) line);
                bytes = switch (random.nextInt(5)) {
                    case 0 -> randomBytes(random);
                    case 1 -> "{\"id\": \"e%d\", \"sql\": \"select %d".formatted(line, line).getBytes(StandardCharsets.UTF_8);
                    case 2 -> Json.write(Map.of("id", "e" + line, "sql", "select 1", "start", "2024-13-45 25:61")).getBytes(StandardCharsets.UTF_8);
                    case 3 -> "{\"id\": \"e%d\", \"sql\": \"unterminated quote}".formatted(line).getBytes(StandardCharsets.UTF_8);
                    default -> Json.write(Map.of("id", "e" + line, "user", "bob")).getBytes(StandardCharsets.UTF_8);
                };
            }
            else {
                bytes = Json.write(Map.of("id", "e" + line, "sql", "select * from t where k = " + line, "start", Instant.ofEpochSecond(1_700_000_000L + line).toString(),
                        "durationMicros", random.nextInt(1_000_000), "rows", random.nextInt(100))).getBytes(StandardCharsets.UTF_8);
                goodIds.add("e" + line);
            }
            log.write(bytes);
            log.write('\n');
        }
        Path file = Files.write(directory.resolve("generated.jsonl"), log.toByteArray());

        Read read = read(file);

        assertThat(read.events()).extracting(QueryEvent::id).containsExactlyElementsOf(goodIds);
        assertThat(read.problems()).extracting(BadRecord::line).containsExactlyElementsOf(badLines);
        assertThat(read.problems()).allSatisfy(problem -> assertThat(problem.reason()).isNotBlank());
        assertThat(read.stats().records()).isEqualTo(lines);
        assertThat(badLines.size()).isBetween(350, 650);
        assertThat(read.events()).filteredOn(event -> event.id().equals("e5000")).singleElement()
                .satisfies(event -> assertThat(event.sql()).hasSize(10_000_009));
        assertThat(read.events().get(0).error()).isEqualTo(Optional.empty());
    }

    /** Bytes that are never a JSON object: no newline, not starting with '{'. */
    private static byte[] randomBytes(SplittableRandom random)
    {
        byte[] bytes = new byte[1 + random.nextInt(60)];
        for (int i = 0; i < bytes.length; i++) {
            byte b;
            do {
                b = (byte) random.nextInt(256);
            }
            while (b == '\n' || b == '\r' || i == 0 && (b == '{' || b <= ' '));
            bytes[i] = b;
        }
        return bytes;
    }
}
