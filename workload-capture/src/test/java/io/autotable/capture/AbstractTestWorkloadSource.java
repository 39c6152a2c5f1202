package io.autotable.capture;

import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.sql.Fingerprinter;
import io.autotable.sql.fingerprint.LexicalFingerprinter;
import io.autotable.workload.QueryEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of every {@link WorkloadSource}: a missing file names itself, an empty file holds
 * nothing, ids are stable, counts add up, a 10 MB statement imports.
 */
public abstract class AbstractTestWorkloadSource
{
    protected static final Fingerprinter FINGERPRINTER = new LexicalFingerprinter();

    @TempDir
    protected Path directory;

    protected abstract WorkloadSource createSource();

    /** A fixture file of the format, built from the format's documentation. */
    protected abstract Path fixture();

    /** The number of good events {@link #fixture()} holds. */
    protected abstract long fixtureEvents();

    /** The text of a file of the format holding exactly one good event with this statement. */
    protected abstract String fileWithOneStatement(String sql);

    protected abstract String extension();

    /** The outcome of one read. */
    public record Read(SourceStats stats, List<QueryEvent> events, List<BadRecord> problems) {}

    protected Read read(Path file)
    {
        List<QueryEvent> events = new ArrayList<>();
        List<BadRecord> problems = new ArrayList<>();
        SourceStats stats = createSource().read(file, events::add, problems::add);
        return new Read(stats, events, problems);
    }

    protected Path write(String name, String text)
            throws IOException
    {
        return Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
    }

    protected static Path resource(String relative)
    {
        try {
            return Path.of(AbstractTestWorkloadSource.class.getResource("/io/autotable/capture/" + relative).toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    public void missingFileIsFileNotFoundNamingTheFile()
    {
        Path missing = directory.resolve("no-such-log" + extension());

        assertThatThrownBy(() -> read(missing))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FILE_NOT_FOUND))
                .hasMessageContaining(missing.toString());
    }

    @Test
    public void emptyFileHoldsNothing()
            throws IOException
    {
        Read read = read(write("empty" + extension(), ""));

        assertThat(read.stats()).isEqualTo(new SourceStats(0, 0, 0));
        assertThat(read.events()).isEmpty();
        assertThat(read.problems()).isEmpty();
    }

    @Test
    public void importsEveryGoodEventOfTheFixture()
    {
        Read read = read(fixture());

        assertThat(read.stats().events()).isEqualTo(fixtureEvents());
        assertThat(read.events()).hasSize((int) fixtureEvents());
    }

    @Test
    public void idsAreStableAcrossTwoReads()
    {
        Read first = read(fixture());
        Read second = read(fixture());

        assertThat(second.events()).isEqualTo(first.events());
        assertThat(first.events()).extracting(event -> event.source() + "/" + event.id()).doesNotHaveDuplicates();
    }

    @Test
    public void countsAddUp()
    {
        Read read = read(fixture());

        assertThat(read.stats().events()).isEqualTo(read.events().size());
        assertThat(read.stats().bad()).isEqualTo(read.problems().size());
        // what is left over was skipped (unfinished queries)
        assertThat(read.stats().records()).isGreaterThanOrEqualTo(read.stats().events() + read.stats().bad());
    }

    @Test
    public void eventsCarryTheFingerprintOfTheirStatement()
    {
        for (QueryEvent event : read(fixture()).events()) {
            assertThat(event.fingerprint()).isEqualTo(FINGERPRINTER.fingerprint(event.sql()));
        }
    }

    @Test
    public void importsTenMegabyteStatement()
            throws IOException
    {
        StringBuilder sql = new StringBuilder("select c from t where c in (");
        while (sql.length() < 10_000_000) {
            sql.append("'value").append(sql.length()).append("', ");
        }
        sql.append("'last')");

        Read read = read(write("huge" + extension(), fileWithOneStatement(sql.toString())));

        assertThat(read.problems()).isEmpty();
        assertThat(read.events()).singleElement().satisfies(event -> {
            assertThat(event.sql()).isEqualTo(sql.toString());
            assertThat(FINGERPRINTER.normalize(event.sql())).isEqualTo("select c from t where c in (?)");
        });
    }
}
