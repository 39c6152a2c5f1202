package io.autotable.capture.sql;

import io.autotable.capture.AbstractTestWorkloadSource;
import io.autotable.capture.BadRecord;
import io.autotable.capture.SourceStats;
import io.autotable.capture.WorkloadSource;
import io.autotable.workload.EventStatus;
import io.autotable.workload.QueryEvent;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

public class TestSqlFileSource
        extends AbstractTestWorkloadSource
{
    @Override
    protected WorkloadSource createSource()
    {
        return new SqlFileSource(FINGERPRINTER);
    }

    @Override
    protected Path fixture()
    {
        return resource("sql/queries.sql");
    }

    @Override
    protected long fixtureEvents()
    {
        return 4;
    }

    @Override
    protected String fileWithOneStatement(String sql)
    {
        return sql + ";\n";
    }

    @Override
    protected String extension()
    {
        return ".sql";
    }

    @Test
    public void splitsOnlyAtSemicolonsOutsideQuotesAndComments()
            throws IOException
    {
        Read read = read(fixture());

        assertThat(read.events()).extracting(QueryEvent::sql).containsExactly(
                "SELECT l_returnflag, SUM(l_quantity)\nFROM lineitem\nWHERE l_shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY\nGROUP BY l_returnflag",
                "select 'a;b', \"odd;name\" from t1",
                "SELECT $body$ not ; split $body$, E'it\\'s; fine' FROM t2",
                "insert into t3 values (1, 'x')");
        assertThat(read.events()).extracting(QueryEvent::id).containsExactly("2#1", "8#2", "9#3", "12#4");
        assertThat(read.events()).allSatisfy(event -> {
            assertThat(event.user()).isEqualTo("unknown");
            assertThat(event.status()).isEqualTo(EventStatus.SUCCEEDED);
            assertThat(event.durationMicros()).isZero();
        });
        assertThat(read.events().get(1).start()).isEqualTo(Files.getLastModifiedTime(fixture()).toInstant().truncatedTo(ChronoUnit.MICROS).plusNanos(2000));
    }

    @Test
    public void unterminatedQuoteAtEndIsOneBadRecordWithItsLine()
            throws IOException
    {
        Read read = read(write("broken.sql", "select 1;\nselect 2;\nselect 'never\nclosed; select 3;\n"));

        assertThat(read.events()).extracting(QueryEvent::sql).containsExactly("select 1", "select 2");
        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(3);
            assertThat(problem.reason()).contains("string", "never closed");
            assertThat(problem.excerpt()).startsWith("select 'never");
        });
        assertThat(read.stats()).isEqualTo(new SourceStats(3, 2, 1));
    }

    @Test
    public void unterminatedCommentAtEndIsOneBadRecord()
            throws IOException
    {
        Read read = read(write("comment.sql", "select 1;\n/* open\n\nselect 2;"));

        assertThat(read.events()).hasSize(1);
        assertThat(read.problems()).extracting(BadRecord::line).containsExactly(2L);
    }

    @Test
    public void lastStatementNeedsNoSemicolon()
            throws IOException
    {
        Read read = read(write("tail.sql", "select 1;\n\n  select 2  \n-- done\n"));

        assertThat(read.events()).extracting(QueryEvent::sql).containsExactly("select 1", "select 2  \n-- done");
    }
}
