package io.autotable.advisor.sortkey.candidates;

import io.autotable.advisor.sortkey.SortKey;
import io.autotable.advisor.sortkey.SortKeyCandidate;
import io.autotable.advisor.sortkey.SortKeyCandidate.Source;
import io.autotable.advisor.sortkey.TableProfile;
import io.autotable.advisor.sortkey.TableWorkload;
import io.autotable.simulator.layout.ColumnData;
import io.autotable.simulator.layout.TableData;
import io.autotable.workload.Workload;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.autotable.advisor.sortkey.TestingSortKeyTables.FIRST_DAY;
import static io.autotable.advisor.sortkey.TestingSortKeyTables.dayBetween;
import static io.autotable.advisor.sortkey.TestingSortKeyTables.events;
import static io.autotable.advisor.sortkey.TestingSortKeyTables.joinOnId;
import static io.autotable.advisor.sortkey.TestingSortKeyTables.kEquals;
import static io.autotable.advisor.sortkey.TestingSortKeyTables.statement;
import static io.autotable.advisor.sortkey.TestingSortKeyTables.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestWorkloadCandidates
{
    // small enough that the profile's sample is the whole table, so a row-by-row count is exact
    private static final TableData EVENTS = events(10_000, 3);

    private static final Workload WORKLOAD = workload(
            statement("by-day", 100, List.of("note"), List.of(dayBetween(100, 199)), List.of()),
            statement("by-k", 10, List.of("note"), List.of(kEquals(7)), List.of()),
            statement("by-day-and-k", 5, List.of("id"), List.of(dayBetween(0, 499), kEquals(3)), List.of()),
            statement("joined", 40, List.of("k"), List.of(), List.of(joinOnId("clicks"))),
            statement("full-scan", 20, List.of("note", "k"), List.of(), List.of()));

    @Test
    void proposesBaselinesFilteredColumnsJoinColumnsPairsAndInterleaved()
    {
        Map<String, SortKeyCandidate> candidates = candidates(SortKey.compound("k", "id"));

        assertThat(candidates.keySet()).containsExactly(
                "none", "COMPOUND(k, id)", "COMPOUND(day)", "COMPOUND(k)", "COMPOUND(id)", "COMPOUND(day, k)", "COMPOUND(k, day)", "INTERLEAVED(day, k)");
        assertThat(candidates.get("none").source()).isEqualTo(Source.NONE);
        assertThat(candidates.get("COMPOUND(k, id)").source()).isEqualTo(Source.CURRENT);
        assertThat(candidates.get("COMPOUND(day)").source()).isEqualTo(Source.RANGE_FILTER);
        assertThat(candidates.get("COMPOUND(k)").source()).isEqualTo(Source.EQUALITY_FILTER);
        assertThat(candidates.get("COMPOUND(id)").source()).isEqualTo(Source.JOIN);
        assertThat(candidates.get("COMPOUND(day, k)").source()).isEqualTo(Source.COMPOUND_PAIR);
        assertThat(candidates.get("INTERLEAVED(day, k)").source()).isEqualTo(Source.INTERLEAVED);
        // the join column serves no filter: nothing to skip, but the joins are its evidence
        assertThat(candidates.get("COMPOUND(id)").weight()).isZero();
        assertThat(candidates.get("COMPOUND(id)").evidence()).singleElement()
                .satisfies(evidence -> assertThat(evidence.use()).isEqualTo("join id = clicks.event_id"));
    }

    @Test
    void weightsAreSkippableBytesCountedRowByRow()
    {
        Map<String, SortKeyCandidate> candidates = candidates(SortKey.none());
        double noteBytes = rawBytes("note");
        double idBytes = rawBytes("id");
        double day100to199 = fraction(row -> between(EVENTS.columns().get(1).value(row), 100, 199));
        double day0to499 = fraction(row -> between(EVENTS.columns().get(1).value(row), 0, 499));
        double k7 = fraction(row -> EVENTS.columns().get(2).value(row) == 7);
        double k3 = fraction(row -> EVENTS.columns().get(2).value(row) == 3);
        // a statement's bytes are those of every column it references, filtered ones included
        double dayBytes = rawBytes("day");
        double kBytes = rawBytes("k");

        double expectedDay = 100 * (noteBytes + dayBytes) * (1 - day100to199) + 5 * (idBytes + dayBytes + kBytes) * (1 - day0to499);
        double expectedK = 10 * (noteBytes + kBytes) * (1 - k7) + 5 * (idBytes + dayBytes + kBytes) * (1 - k3);
        double expectedPair = 100 * (noteBytes + dayBytes) * (1 - day100to199) + 10 * (noteBytes + kBytes) * (1 - k7)
                + 5 * (idBytes + dayBytes + kBytes) * (1 - day0to499 * k3);
        assertThat(candidates.get("COMPOUND(day)").weight()).isCloseTo(expectedDay, within(1e-6 * expectedDay));
        assertThat(candidates.get("COMPOUND(k)").weight()).isCloseTo(expectedK, within(1e-6 * expectedK));
        assertThat(candidates.get("COMPOUND(day, k)").weight()).isCloseTo(expectedPair, within(1e-6 * expectedPair));
        assertThat(candidates.get("COMPOUND(k, day)").weight()).isEqualTo(candidates.get("COMPOUND(day, k)").weight());
        assertThat(candidates.get("none").weight()).isZero();
        // evidence: the statements each key serves, heaviest first
        assertThat(candidates.get("COMPOUND(day)").evidence()).extracting(SortKeyCandidate.Evidence::fingerprint).containsExactly("by-day", "by-day-and-k");
    }

    @Test
    void noInterleavedKeyWhenOneColumnFiltersEveryStatementTheOtherDoes()
    {
        Workload nested = workload(
                statement("by-day", 100, List.of("note"), List.of(dayBetween(100, 199)), List.of()),
                statement("by-day-and-k", 5, List.of("id"), List.of(dayBetween(0, 499), kEquals(3)), List.of()));
        TableProfile profile = TableProfile.of(TableWorkload.of("events", nested), EVENTS, 1);

        List<SortKeyCandidate> candidates = WorkloadCandidates.generate(profile, SortKey.none(), WorkloadCandidates.Config.defaults());

        assertThat(candidates).extracting(candidate -> candidate.key().toString())
                .containsExactly("none", "COMPOUND(day)", "COMPOUND(k)", "COMPOUND(day, k)", "COMPOUND(k, day)");
    }

    @Test
    void aWorkloadThatNeverReadsTheTableLeavesTheBaselines()
    {
        TableProfile profile = TableProfile.of(TableWorkload.of("events", workload()), EVENTS, 8);

        assertThat(WorkloadCandidates.generate(profile, SortKey.compound("day"), WorkloadCandidates.Config.defaults()))
                .extracting(candidate -> candidate.key().toString())
                .containsExactly("none", "COMPOUND(day)");
    }

    private static Map<String, SortKeyCandidate> candidates(SortKey current)
    {
        TableProfile profile = TableProfile.of(TableWorkload.of("events", WORKLOAD), EVENTS, 1);
        return WorkloadCandidates.generate(profile, current, WorkloadCandidates.Config.defaults()).stream()
                .collect(Collectors.toMap(candidate -> candidate.key().toString(), Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private static double rawBytes(String column)
    {
        ColumnData data = EVENTS.columns().get(EVENTS.columnIndex(column));
        double bytes = 0;
        for (int row = 0; row < EVENTS.rows(); row++) {
            bytes += data.rawWidth(row);
        }
        return bytes;
    }

    private static double fraction(java.util.function.IntPredicate matches)
    {
        int count = 0;
        for (int row = 0; row < EVENTS.rows(); row++) {
            count += matches.test(row) ? 1 : 0;
        }
        return (double) count / EVENTS.rows();
    }

    private static boolean between(long epochDay, int from, int to)
    {
        LocalDate day = LocalDate.ofEpochDay(epochDay);
        return !day.isBefore(FIRST_DAY.plusDays(from)) && !day.isAfter(FIRST_DAY.plusDays(to));
    }
}
