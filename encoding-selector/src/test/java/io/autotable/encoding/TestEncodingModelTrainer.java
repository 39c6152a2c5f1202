package io.autotable.encoding;

import io.autotable.design.Encoding;
import io.autotable.encoding.learned.EncodingModel;
import io.autotable.encoding.learned.EncodingModelTrainer;
import io.autotable.encoding.learned.EncodingModelTrainer.LabelledColumn;
import io.autotable.encoding.learned.LearnedEncodingSelector;
import io.autotable.encoding.learned.SyntheticColumns;
import io.autotable.encoding.learned.TrainingColumn;
import io.autotable.encoding.learned.TrainingConfig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Training the learned selector's model on a small corpus, fast enough for every build. */
public class TestEncodingModelTrainer
{
    private static final TrainingConfig SMALL = TrainingConfig.defaults()
            .withSeed(7)
            .withSyntheticColumns(80, 200, 3000)
            .withForest(5, 8);

    @Test
    public void sameSeedGivesTheSameModel()
            throws IOException
    {
        List<TrainingColumn> unseen = SyntheticColumns.generate(40, 200, 3000, new SplittableRandom(99));
        EncodingModel first = train(SMALL);
        EncodingModel second = train(SMALL);
        for (TrainingColumn column : unseen) {
            ColumnProfile profile = LearnedEncodingSelector.profile(column.type(), column.values());
            assertThat(second.predict(profile)).isEqualTo(first.predict(profile));
        }
        List<TrainingColumn> again = EncodingModelTrainer.syntheticColumns(SMALL);
        List<TrainingColumn> corpus = EncodingModelTrainer.syntheticColumns(SMALL);
        for (int i = 0; i < corpus.size(); i++) {
            assertThat(again.get(i).type()).isEqualTo(corpus.get(i).type());
            TestingColumns.assertSameColumn(again.get(i).values(), corpus.get(i).values());
        }
    }

    @Test
    public void writtenModelReadsBackWithTheSamePredictions()
            throws IOException
    {
        EncodingModel model = train(SMALL);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        model.write(bytes);
        EncodingModel read = EncodingModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        for (TrainingColumn column : SyntheticColumns.generate(20, 200, 2000, new SplittableRandom(5))) {
            ColumnProfile profile = LearnedEncodingSelector.profile(column.type(), column.values());
            assertThat(read.rank(profile)).isEqualTo(model.rank(profile));
        }
        assertThat(read.tribuoModel().getProvenance().toString()).contains("seed", "syntheticColumns");
    }

    @Test
    public void compiledForestAgreesWithTribuo()
    {
        EncodingModel model = train(SMALL);
        int checked = 0;
        for (TrainingColumn column : SyntheticColumns.generate(60, 200, 3000, new SplittableRandom(123))) {
            ColumnProfile profile = LearnedEncodingSelector.profile(column.type(), column.values());
            assertThat(model.rank(profile).get(0)).as(column.name()).isEqualTo(model.rankWithTribuo(profile).get(0));
            checked++;
        }
        assertThat(checked).isEqualTo(60);
    }

    @Test
    public void labelIsTheSmallestEncoding()
    {
        TrainingColumn column = SyntheticColumns.generate(1, 500, 500, new SplittableRandom(3)).get(0);
        LabelledColumn labelled = EncodingModelTrainer.label(column);
        for (Encoding encoding : labelled.sizes().keySet()) {
            assertThat(labelled.sizes().get(labelled.label())).isLessThanOrEqualTo(labelled.sizes().get(encoding));
        }
    }

    @Test
    public void refusesAnEmptyCorpus()
    {
        assertThatThrownBy(() -> EncodingModelTrainer.train(SMALL, List.of()))
                .isInstanceOf(EncodingException.class)
                .hasMessageContaining("corpus is empty");
    }

    private static EncodingModel train(TrainingConfig config)
    {
        List<LabelledColumn> corpus = new ArrayList<>();
        for (TrainingColumn column : EncodingModelTrainer.syntheticColumns(config)) {
            corpus.add(EncodingModelTrainer.label(column));
        }
        return EncodingModelTrainer.train(config, corpus);
    }
}
