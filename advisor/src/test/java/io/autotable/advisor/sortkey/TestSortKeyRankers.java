package io.autotable.advisor.sortkey;

import io.autotable.advisor.sortkey.candidates.WorkloadCandidates;
import io.autotable.advisor.sortkey.heuristic.BlockSkipSortKeyRanker;
import io.autotable.advisor.sortkey.learned.LearnedSortKeyRanker;
import io.autotable.advisor.sortkey.learned.SortKeyModelTrainer;
import io.autotable.simulator.layout.TableData;
import io.autotable.workload.Workload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static io.autotable.advisor.sortkey.TestingSortKeyTables.events;
import static io.autotable.advisor.sortkey.TestingSortKeyTables.idBetween;
import static io.autotable.advisor.sortkey.TestingSortKeyTables.kEquals;
import static io.autotable.advisor.sortkey.TestingSortKeyTables.statement;
import static io.autotable.advisor.sortkey.TestingSortKeyTables.workload;
import static org.assertj.core.api.Assertions.assertThat;

/** The contract every {@link SortKeyRanker} keeps. */
class TestSortKeyRankers
{
    private static final TableData EVENTS = events(200_000, 5);
    private static final Workload WORKLOAD = workload(
            statement("by-id", 100, List.of("note"), List.of(idBetween(0, 9_999)), List.of()),
            statement("by-k", 10, List.of("note"), List.of(kEquals(4)), List.of()));

    static Stream<SortKeyRanker> rankers()
    {
        return Stream.of(new BlockSkipSortKeyRanker(), LearnedSortKeyRanker.shipped(SortKeyModelTrainer.cluster(1)));
    }

    @ParameterizedTest
    @MethodSource("rankers")
    void predictsOneBenefitPerCandidateTheSameEveryTime(SortKeyRanker ranker)
    {
        List<SortKeyCandidate> candidates = candidates();

        double[] first = ranker.predict(profile(), candidates);
        double[] again = ranker.predict(profile(), candidates);

        assertThat(first).hasSize(candidates.size()).containsExactly(again);
        assertThat(ranker.name()).isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("rankers")
    void ranksTheKeyTheHeavySelectiveFilterNeedsAboveNoSortKey(SortKeyRanker ranker)
    {
        List<SortKeyCandidate> candidates = candidates();

        double[] predicted = ranker.predict(profile(), candidates);

        double id = predicted[indexOf(candidates, SortKey.compound("id"))];
        assertThat(id).isGreaterThan(predicted[indexOf(candidates, SortKey.none())]);
        assertThat(id).isGreaterThan(predicted[indexOf(candidates, SortKey.compound("k"))]);
    }

    private static TableProfile profile()
    {
        return TableProfile.of(TableWorkload.of("events", WORKLOAD), EVENTS, 1);
    }

    private static List<SortKeyCandidate> candidates()
    {
        return WorkloadCandidates.generate(profile(), SortKey.none(), WorkloadCandidates.Config.defaults());
    }

    private static int indexOf(List<SortKeyCandidate> candidates, SortKey key)
    {
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new AssertionError("no candidate " + key);
    }
}
