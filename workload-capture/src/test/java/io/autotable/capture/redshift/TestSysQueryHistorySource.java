package io.autotable.capture.redshift;

import io.autotable.capture.AbstractTestWorkloadSource;
import io.autotable.capture.BadRecord;
import io.autotable.capture.SourceStats;
import io.autotable.capture.WorkloadSource;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
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
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class TestSysQueryHistorySource
        extends AbstractTestWorkloadSource
{
    private static final String HEADER = "user_id,query_id,status,start_time,end_time,elapsed_time,error_message,returned_rows,query_text";

    @Override
    protected WorkloadSource createSource()
    {
        return new SysQueryHistorySource(FINGERPRINTER);
    }

    @Override
    protected Path fixture()
    {
        return resource("redshift/sys_query_history.csv");
    }

    @Override
    protected long fixtureEvents()
    {
        return 3;
    }

    @Override
    protected String fileWithOneStatement(String sql)
    {
        return HEADER + "\n100,1,success,2023-07-14 14:08:22.123456,,5,,0,\"" + sql.replace("\"", "\"\"") + "\"\n";
    }

    @Override
    protected String extension()
    {
        return ".csv";
    }

    @Test
    public void readsTheDocumentedColumnsAndSkipsRunningQueries()
    {
        Read read = read(fixture());

        assertThat(read.stats()).isEqualTo(new SourceStats(4, 3, 0));
        List<QueryEvent> events = read.events();
        assertThat(events).extracting(QueryEvent::id).containsExactly("1001", "1002", "1004");
        assertThat(events.get(0).user()).isEqualTo("100");
        assertThat(events.get(0).start()).isEqualTo(Instant.parse("2023-07-14T14:08:22.123456Z"));
        assertThat(events.get(0).durationMicros()).isEqualTo(1_100_000);
        assertThat(events.get(0).rows()).isEqualTo(25);
        assertThat(events.get(0).status()).isEqualTo(EventStatus.SUCCEEDED);
        assertThat(events.get(1).status()).isEqualTo(EventStatus.FAILED);
        assertThat(events.get(1).error()).contains("ERROR: relation \"nope\" does not exist");
        assertThat(events.get(2).status()).isEqualTo(EventStatus.FAILED);
        assertThat(events.get(2).error()).contains("canceled");
        // no elapsed_time: end - start
        assertThat(events.get(2).durationMicros()).isEqualTo(1_000_000);
        assertThat(events.get(2).sql()).isEqualTo("unload ('select 1\nfrom t') to 's3://bucket/x'");
    }

    @Test
    public void acceptsColumnsInAnyOrder()
            throws IOException
    {
        Path file = write("reordered.csv", "QUERY_TEXT,Status,start_time,query_id\n\"select 1\",success,2023-07-14T14:08:22Z,7\n");

        Read read = read(file);

        assertThat(read.events()).singleElement().satisfies(event -> {
            assertThat(event.id()).isEqualTo("7");
            assertThat(event.user()).isEqualTo("unknown");
            assertThat(event.start()).isEqualTo(Instant.parse("2023-07-14T14:08:22Z"));
        });
    }

    @Test
    public void headerWithoutRequiredColumnFailsNamingIt()
            throws IOException
    {
        Path file = write("wrong.csv", "query_id,status\n1,success\n");

        assertThatThrownBy(() -> read(file))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("query_text")
                .hasMessageContaining("start_time");
    }

    @Test
    public void reportsMalformedRowsWithTheirLines()
            throws IOException
    {
        Path file = write("bad.csv", String.join("\n",
                HEADER,
                "100,1,success,2023-07-14 14:08:22,,1,,0,select 1",
                "100,2,success,2023-07-14 14:08:22,,1,,0",
                "100,3,success,last tuesday,,1,,0,select 3",
                "100,4,exploded,2023-07-14 14:08:22,,1,,0,select 4",
                "100,5,success,2023-07-14 14:08:22,,lots,,0,select 5",
                "100,6,success,2023-07-14 14:08:22,,1,,0,\"select 6\"x",
                "100,7,success,2023-07-14 14:08:22,,1,,0,\"select\n7\"",
                "100,8,success,2023-07-14 14:08:22,,1,,0,\"select 8 never closed",
                "100,9,success,2023-07-14 14:08:22,,1,,0,select 9"));

        Read read = read(file);

        assertThat(read.events()).extracting(QueryEvent::id).containsExactly("1", "7");
        assertThat(read.problems()).extracting(BadRecord::line).containsExactly(3L, 4L, 5L, 6L, 7L, 10L);
        assertThat(read.problems()).extracting(BadRecord::reason).satisfiesExactly(
                reason -> assertThat(reason).contains("8 fields", "9"),
                reason -> assertThat(reason).contains("start_time", "last tuesday"),
                reason -> assertThat(reason).contains("exploded"),
                reason -> assertThat(reason).contains("elapsed_time", "lots"),
                reason -> assertThat(reason).contains("not a valid CSV row"),
                reason -> assertThat(reason).contains("not a valid CSV row"));
    }

    @Test
    public void importsEveryGoodRowOfAGeneratedExportWithFivePercentGarbage()
            throws IOException
    {
        SplittableRandom random = new SplittableRandom(20230714);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<String> goodIds = new ArrayList<>();
        List<Long> badLines = new ArrayList<>();
        log.writeBytes((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        int rows = 10_000;
        long line = 1;
        for (int row = 1; row <= rows; row++) {
            line++;
            String text;
            if (row == rows) {
                // a quote never closed takes the rest of the file: the last row
                text = "100,%d,success,2023-07-14 14:08:22,,1,,0,\"select never closed".formatted(row);
                badLines.add(line);
            }
            else if (row == 5000) {
                text = "100,%d,success,2023-07-14 14:08:22,,1,,0,\"select '%s'\"".formatted(row, "x".repeat(10_000_000));
                goodIds.add(Integer.toString(row));
            }
            else if (random.nextInt(100) < 5) {
                badLines.add(line);
                text = switch (random.nextInt(3)) {
                    case 0 -> randomText(random);
                    case 1 -> "100,%d,success,2023-07-14 14:08:22,,1".formatted(row);
                    default -> "100,%d,success,2023-02-30 99:99:99,,1,,0,select 1".formatted(row);
                };
            }
            else {
                boolean multiline = random.nextInt(10) == 0;
                text = "%d,%d,%s,2023-07-14 14:%02d:%02d.%06d,,%d,%s,%d,\"select *%sfrom t where k = %d and s = 'a,b'\"".formatted(
                        100 + random.nextInt(5), row, random.nextInt(4) == 0 ? "failed" : "success", random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000),
                        random.nextInt(1_000_000), random.nextInt(4) == 0 ? "\"ERROR: x, y\"" : "", random.nextInt(1000), multiline ? "\n" : " ", row);
                goodIds.add(Integer.toString(row));
                if (multiline) {
                    line++;
                }
            }
            log.writeBytes((text + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Path file = Files.write(directory.resolve("generated.csv"), log.toByteArray());

        Read read = read(file);

        assertThat(read.events()).extracting(QueryEvent::id).containsExactlyElementsOf(goodIds);
        assertThat(read.problems()).extracting(BadRecord::line).containsExactlyElementsOf(badLines);
        assertThat(read.stats()).isEqualTo(new SourceStats(rows, goodIds.size(), badLines.size()));
        assertThat(badLines.size()).isBetween(350, 650);
    }

    /** A line of printable garbage without separators or quotes: one field, so a wrong field count. */
    private static String randomText(SplittableRandom random)
    {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(60);
        while (text.length() < length) {
            char c = (char) random.nextInt(0x21, 0x3000);
            if (c != ',' && c != '"' && !Character.isWhitespace(c) && !Character.isISOControl(c) && !Character.isSurrogate(c)) {
                text.append(c);
            }
        }
        return text.toString();
    }
}
