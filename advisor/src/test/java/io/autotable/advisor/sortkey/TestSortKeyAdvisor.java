package io.autotable.advisor.sortkey;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotable.advisor.sortkey.SortKeyAdvice.Candidate;
import io.autotable.advisor.sortkey.heuristic.BlockSkipSortKeyRanker;
import io.autotable.advisor.sortkey.learned.LearnedSortKeyRanker;
import io.autotable.advisor.sortkey.learned.SortKeyModelTrainer;
import io.autotable.advisor.whatif.TableWhatIf;
import io.autotable.advisor.whatif.WorkloadWhatIf;
import io.autotable.catalog.Catalog;
import io.autotable.design.TableDesign;
import io.autotable.json.Json;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.layout.TableData;
import io.autotable.workload.Workload;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.autotable.advisor.sortkey.TestingSortKeyTables.events;
import static io.autotable.advisor.sortkey.TestingSortKeyTables.idBetween;
import static io.autotable.advisor.sortkey.TestingSortKeyTables.kEquals;
import static io.autotable.advisor.sortkey.TestingSortKeyTables.statement;
import static io.autotable.advisor.sortkey.TestingSortKeyTables.workload;
import static org.assertj.core.api.Assertions.assertThat;

class TestSortKeyAdvisor
{
    // one slice, so that 400,000 rows give id 4 blocks and note 31: room for zone maps to skip
    private static final ClusterModel CLUSTER = SortKeyModelTrainer.cluster(1);
    private static final TableData EVENTS = events(400_000, 11);
    // ranges on the scattered id, reading the wide note: sorting on id is obviously what helps
    private static final Workload WORKLOAD = workload(
            statement("by-id", 200, List.of("note"), List.of(idBetween(0, 39_999)), List.of()),
            statement("by-id-later", 50, List.of("note"), List.of(idBetween(200_000, 219_999)), List.of()),
            statement("by-k", 20, List.of("note"), List.of(kEquals(4)), List.of()));

    @Test
    void recommendsTheObviousKeyAndSaysWhy()
    {
        CountingWhatIf whatIf = whatIf(WORKLOAD);
        SortKeyAdvice advice = advisor().advise(TableWorkload.of("events", WORKLOAD), EVENTS, TableDesign.initial(), whatIf);

        assertThat(advice.current()).isEqualTo(SortKey.none());
        assertThat(advice.recommended().leading()).hasValue("id");
        assertThat(advice.changes()).isTrue();
        assertThat(advice.recommendedSeconds()).isLessThan(advice.currentSeconds() * 0.7);
        assertThat(advice.noSortKeySeconds()).isEqualTo(advice.currentSeconds());
        assertThat(advice.reason()).contains(advice.recommended().toString(), "range on id", "less");
        assertThat(advice.statements()).isEqualTo(3);
        assertThat(advice.runs()).isEqualTo(270);
        // three candidates and the baseline (no sort key, which is also the current key) simulated, no more
        assertThat(whatIf.calls).isEqualTo(4);
        assertThat(advice.candidates()).filteredOn(Candidate::verified).hasSize(4);
        for (Candidate candidate : advice.candidates()) {
            assertThat(candidate.simulatedSeconds().isPresent()).isEqualTo(candidate.verified());
            assertThat(candidate.recommended()).isEqualTo(candidate.key().equals(advice.recommended()));
        }
    }

    @Test
    void theChoiceIsTheFastestOfTheVerifiedAndNearTheBestOfAll()
    {
        CountingWhatIf whatIf = whatIf(WORKLOAD);
        SortKeyAdvice advice = advisor().advise(TableWorkload.of("events", WORKLOAD), EVENTS, TableDesign.initial(), whatIf);

        double fastestVerified = advice.candidates().stream().filter(Candidate::verified).mapToDouble(candidate -> candidate.simulatedSeconds().orElseThrow()).min().orElseThrow();
        assertThat(advice.recommendedSeconds()).isEqualTo(fastestVerified);
        // the oracle: every candidate simulated
        double best = Double.MAX_VALUE;
        for (Candidate candidate : advice.candidates()) {
            best = Math.min(best, whatIf.evaluate(candidate.key().applyTo(TableDesign.initial())).seconds());
        }
        double none = advice.noSortKeySeconds();
        assertThat((none - advice.recommendedSeconds()) / (none - best)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void keepsTheCurrentKeyWhenNothingBeatsIt()
    {
        TableDesign current = TableDesign.initial().withSortKey(io.autotable.design.SortStyle.COMPOUND, List.of("id"));
        SortKeyAdvice advice = advisor().advise(TableWorkload.of("events", WORKLOAD), EVENTS, current, whatIf(WORKLOAD));

        assertThat(advice.recommended()).isEqualTo(SortKey.compound("id"));
        assertThat(advice.changes()).isFalse();
        assertThat(advice.recommendedSeconds()).isEqualTo(advice.currentSeconds());
        assertThat(advice.candidates()).filteredOn(Candidate::current).singleElement()
                .satisfies(candidate -> assertThat(candidate.key()).isEqualTo(SortKey.compound("id")));
    }

    @Test
    void keepsTheCurrentKeyWhenNoStatementReadsTheTable()
    {
        TableDesign current = TableDesign.initial().withSortKey(io.autotable.design.SortStyle.COMPOUND, List.of("k"));
        SortKeyAdvice advice = advisor().advise(TableWorkload.of("events", workload()), EVENTS, current, whatIf(workload()));

        assertThat(advice.recommended()).isEqualTo(SortKey.compound("k"));
        assertThat(advice.changes()).isFalse();
        assertThat(advice.reason()).contains("no analysed statement reads the table");
    }

    @Test
    void theShippedModelFindsTheObviousKeyToo()
    {
        SortKeyAdvisor advisor = new SortKeyAdvisor(LearnedSortKeyRanker.shipped(CLUSTER), SortKeyAdvisor.Config.defaults(CLUSTER));
        SortKeyAdvice advice = advisor.advise(TableWorkload.of("events", WORKLOAD), EVENTS, TableDesign.initial(), whatIf(WORKLOAD));

        assertThat(advice.ranker()).isEqualTo("learned");
        assertThat(advice.recommended().leading()).hasValue("id");
    }

    @Test
    void adviceIsJson()
            throws Exception
    {
        SortKeyAdvice advice = advisor().advise(TableWorkload.of("events", WORKLOAD), EVENTS, TableDesign.initial(), whatIf(WORKLOAD));

        JsonNode json = Json.mapper().readTree(Json.write(advice));
        assertThat(json.get("table").asText()).isEqualTo("events");
        assertThat(json.get("current").get("style").asText()).isEqualTo("NONE");
        assertThat(json.get("current").has("none")).as("only the key's fields").isFalse();
        assertThat(json.get("recommended").get("columns").get(0).asText()).isEqualTo("id");
        JsonNode first = json.get("candidates").get(0);
        for (String field : List.of("key", "source", "weight", "estimatedSkip", "predictedBenefit", "verified", "simulatedSeconds", "evidence")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.get("evidence").get(0).get("fingerprint").asText()).isEqualTo("by-id");
    }

    private static SortKeyAdvisor advisor()
    {
        return new SortKeyAdvisor(new BlockSkipSortKeyRanker(), SortKeyAdvisor.Config.defaults(CLUSTER));
    }

    private static CountingWhatIf whatIf(Workload workload)
    {
        return new CountingWhatIf(new WorkloadWhatIf(CLUSTER, new Catalog(List.of(EVENTS.table())), workload, Map.of()).forTable("events", EVENTS));
    }

    /** Counts the designs simulated, each once. */
    private static final class CountingWhatIf
            implements TableWhatIf
    {
        private final TableWhatIf delegate;
        private final Map<TableDesign, Cost> costs = new HashMap<>();
        int calls;

        CountingWhatIf(TableWhatIf delegate)
        {
            this.delegate = delegate;
        }

        @Override
        public Cost evaluate(TableDesign design)
        {
            return costs.computeIfAbsent(design, ignored -> {
                calls++;
                return delegate.evaluate(design);
            });
        }
    }
}
