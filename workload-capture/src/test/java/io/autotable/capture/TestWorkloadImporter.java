package io.autotable.capture;

import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import io.autotable.workload.QueryEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class TestWorkloadImporter
{
    @TempDir
    Path directory;

    /** A source whose every 10th record is bad, numbered by line. */
    private static final class TestingSource
            implements WorkloadSource
    {
        private final int records;

        TestingSource(int records)
        {
            this.records = records;
        }

        @Override
        public String format()
        {
            return "testing";
        }

        @Override
        public SourceStats read(Path file, Consumer<QueryEvent> events, Consumer<BadRecord> problems)
        {
            long bad = 0;
            for (int line = 1; line <= records; line++) {
                if (line % 10 == 0) {
                    problems.accept(new BadRecord(file.toString(), line, "not a statement", "garbage"));
                    bad++;
                    continue;
                }
                events.accept(QueryEvent.succeeded(file.toString(), Integer.toString(line), "u", Instant.ofEpochSecond(line), 1, 1, "select " + line, "fp"));
            }
            return new SourceStats(records, records - bad, bad);
        }
    }

    @Test
    void importsEveryGoodRecordAcrossBatchesAndReportsEveryBadOne()
    {
        try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory))) {
            List<BadRecord> bad = new ArrayList<>();
            List<WorkloadImporter.FileResult> results = new WorkloadImporter(repository)
                    .importFiles(new TestingSource(12_000), List.of(Path.of("log-a"), Path.of("log-b")), bad::add);

            assertThat(results).extracting(WorkloadImporter.FileResult::added).containsExactly(10_800L, 10_800L);
            assertThat(bad).hasSize(2_400);
            assertThat(bad.get(0).describe()).isEqualTo("log-a:10: not a statement");
            assertThat(repository.eventCount()).isEqualTo(21_600);
        }
    }

    @Test
    void reimportingAFileCountsItsEventsAsDuplicates()
    {
        try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory))) {
            WorkloadImporter importer = new WorkloadImporter(repository);
            importer.importFiles(new TestingSource(100), List.of(Path.of("log")), record -> {});
            WorkloadImporter.FileResult again = importer.importFiles(new TestingSource(100), List.of(Path.of("log")), record -> {}).get(0);

            assertThat(again.added()).isZero();
            assertThat(again.duplicates()).isEqualTo(90);
            assertThat(repository.eventCount()).isEqualTo(90);
        }
    }
}
