package io.autotable.advisor.sortkey.learned;

import com.fasterxml.jackson.databind.JsonNode;
import io.autotable.advisor.sortkey.learned.SortKeyModelTrainer.LabelledCandidate;
import io.autotable.error.CaptureException;
import io.autotable.json.Json;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Training the sort-key model on a tiny corpus, fast enough for every build. */
class TestSortKeyModelTrainer
{
    private static final TrainingConfig TINY = TrainingConfig.defaults()
            .withSeed(5)
            .withSyntheticTables(6, 5_000, 40_000)
            .withForest(5, 6);

    @Test
    void sameSeedGivesTheSameCorpusAndModel()
    {
        List<LabelledCandidate> first = SortKeyModelTrainer.labelSynthetic(TINY, message -> {});
        List<LabelledCandidate> second = SortKeyModelTrainer.labelSynthetic(TINY, message -> {});
        assertThat(second).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).candidate().key()).isEqualTo(first.get(i).candidate().key());
            assertThat(second.get(i).features()).containsExactly(first.get(i).features());
            assertThat(second.get(i).benefit()).isEqualTo(first.get(i).benefit());
        }
        SortKeyModel one = SortKeyModelTrainer.train(TINY, first);
        SortKeyModel other = SortKeyModelTrainer.train(TINY, second);
        for (LabelledCandidate candidate : first) {
            assertThat(other.predict(candidate.features())).isEqualTo(one.predict(candidate.features()));
        }
        // another seed draws other tables
        List<LabelledCandidate> reseeded = SortKeyModelTrainer.labelSynthetic(TINY.withSeed(6), message -> {});
        assertThat(reseeded.stream().map(LabelledCandidate::benefit).toList()).isNotEqualTo(first.stream().map(LabelledCandidate::benefit).toList());
    }

    @Test
    void everyTableHasTheNoSortKeyBaselineWithNoBenefitAndAtMostTheCandidatesAsked()
    {
        List<LabelledCandidate> corpus = SortKeyModelTrainer.labelSynthetic(TINY, message -> {});
        assertThat(corpus.stream().map(LabelledCandidate::table).distinct()).hasSize(6);
        for (String table : corpus.stream().map(LabelledCandidate::table).distinct().toList()) {
            List<LabelledCandidate> ofTable = corpus.stream().filter(candidate -> candidate.table().equals(table)).toList();
            assertThat(ofTable).hasSizeLessThanOrEqualTo(TINY.candidatesPerTable());
            assertThat(ofTable.get(0).candidate().key().isNone()).isTrue();
            assertThat(ofTable.get(0).benefit()).isZero();
        }
    }

    @Test
    void writtenModelReadsBackWithTheSamePredictions()
            throws IOException
    {
        List<LabelledCandidate> corpus = SortKeyModelTrainer.labelSynthetic(TINY, message -> {});
        SortKeyModel model = SortKeyModelTrainer.train(TINY, corpus);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        SortKeyModel read = SortKeyModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        for (LabelledCandidate candidate : corpus) {
            assertThat(read.predict(candidate.features())).isEqualTo(model.predict(candidate.features()));
        }
        assertThat(read.tribuoModel().getProvenance().toString()).contains("seed", "syntheticTables", "candidatesPerTable");
    }

    @Test
    void refusesAnEmptyCorpus()
    {
        assertThatThrownBy(() -> SortKeyModelTrainer.train(TINY, List.of()))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining("corpus is empty");
    }

    @Test
    void shippedModelLoadsAndItsCardMeetsTheTarget()
            throws IOException
    {
        SortKeyModel model = SortKeyModel.shipped();
        assertThat(model.tribuoModel().getProvenance().toString()).contains("seed");
        try (InputStream in = SortKeyModel.class.getResourceAsStream(SortKeyModel.CARD_RESOURCE)) {
            assertThat(in).isNotNull();
            JsonNode card = Json.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(card.get("config").get("seed").asLong()).isEqualTo(TrainingConfig.defaults().seed());
            assertThat(card.get("features").size()).isEqualTo(CandidateFeatures.NAMES.size());
            JsonNode advisor = card.get("evaluation").get(0);
            assertThat(advisor.get("strategy").asText()).isEqualTo("learned+verify");
            assertThat(advisor.get("shareOfBest").asDouble()).isGreaterThanOrEqualTo(0.95);
        }
    }
}
