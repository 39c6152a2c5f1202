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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class TestStlQuerySource
        extends AbstractTestWorkloadSource
{
    private static final String HEADER = "userid,query,label,xid,pid,database,querytxt,starttime,endtime,aborted,insert_pristine,concurrency_scaling_status";

    @Override
    protected WorkloadSource createSource()
    {
        return new StlQuerySource(FINGERPRINTER);
    }

    @Override
    protected Path fixture()
    {
        return resource("redshift/stl_query.csv");
    }

    @Override
    protected long fixtureEvents()
    {
        return 4;
    }

    @Override
    protected String fileWithOneStatement(String sql)
    {
        return HEADER + "\n100,1,default,1,1,dev,\"" + sql.replace("\"", "\"\"") + "\",2023-07-14 14:08:22,2023-07-14 14:08:23,0,0,0\n";
    }

    @Override
    protected String extension()
    {
        return ".csv";
    }

    private Read readBoth(Path... files)
    {
        List<QueryEvent> events = new ArrayList<>();
        List<BadRecord> problems = new ArrayList<>();
        SourceStats stats = new StlQuerySource(FINGERPRINTER).read(List.of(files), events::add, problems::add);
        return new Read(stats, events, problems);
    }

    @Test
    public void reassemblesFullTextFromQueryTextChunksInEitherOrder()
            throws IOException
    {
        String full = Files.readString(resource("redshift/stl_query_full_text.txt"));

        for (Read read : List.of(readBoth(fixture(), resource("redshift/stl_querytext.csv")), readBoth(resource("redshift/stl_querytext.csv"), fixture()))) {
            assertThat(read.problems()).isEmpty();
            assertThat(read.events()).extracting(QueryEvent::sql).containsExactly(
                    "select 1",
                    full,
                    "delete from t where x = 1",
                    // chunk 0 missing: querytxt
                    "select missing_chunks");
        }
    }

    @Test
    public void withoutQueryTextUsesQuerytxt()
    {
        Read read = read(fixture());

        assertThat(read.events()).extracting(QueryEvent::sql).contains("select a, b from (truncated");
        assertThat(read.events().get(0).durationMicros()).isEqualTo(100_000);
        assertThat(read.events().get(0).user()).isEqualTo("100");
        assertThat(read.events().get(2).status()).isEqualTo(EventStatus.FAILED);
        assertThat(read.events().get(2).error()).contains(StlQuerySource.ABORTED);
        assertThat(read.events().get(1).rows()).isZero();
    }

    @Test
    public void queryTextFileAloneIsRejectedWithAHint()
    {
        assertThatThrownBy(() -> read(resource("redshift/stl_querytext.csv")))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("STL_QUERY.csv STL_QUERYTEXT.csv");
    }

    @Test
    public void unescapesNewlinesAcrossChunkBoundaries()
    {
        java.util.TreeMap<Integer, String> chunks = new java.util.TreeMap<>();
        chunks.put(0, "a".repeat(199) + "\\");
        chunks.put(1, "nb   ");

        assertThat(StlQuerySource.reassemble(chunks)).contains("a".repeat(199) + "\nb");
    }

    @Test
    public void padsChunksTheExportShortened()
    {
        java.util.TreeMap<Integer, String> chunks = new java.util.TreeMap<>();
        chunks.put(0, "select" + " ".repeat(10));
        chunks.put(1, "x");

        assertThat(StlQuerySource.reassemble(chunks)).contains("select" + " ".repeat(194) + "x");
    }

    @Test
    public void reportsBadRowsOfBothFiles()
            throws IOException
    {
        Path queries = write("q.csv", HEADER + "\n"
                + "100,1,l,1,1,dev,select 1,2023-07-14 14:08:22,2023-07-14 14:08:23,0,0,0\n"
                + "100,2,l,1,1,dev,select 2,not a time,2023-07-14 14:08:23,0,0,0\n"
                + "100,3,l,1,1,dev,select 3,2023-07-14 14:08:22,2023-07-14 14:08:23,maybe,0,0\n");
        Path texts = write("t.csv", "userid,xid,pid,query,sequence,text\n100,1,1,1,zero,select\n100,1,1,1\n");

        Read read = readBoth(queries, texts);

        assertThat(read.events()).extracting(QueryEvent::id).containsExactly("1");
        assertThat(read.problems()).extracting(problem -> problem.file() + ":" + problem.line())
                .containsExactly(texts + ":2", texts + ":3", queries + ":3", queries + ":4");
        assertThat(read.stats()).isEqualTo(new SourceStats(5, 1, 4));
    }
}
