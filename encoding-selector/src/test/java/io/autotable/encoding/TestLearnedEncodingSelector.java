package io.autotable.encoding;

import io.autotable.catalog.ColumnType;
import io.autotable.design.Encoding;
import io.autotable.encoding.learned.EncodingModel;
import io.autotable.encoding.learned.LearnedEncodingSelector;
import io.autotable.json.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The learned selector with the model shipped in the jar. */
public class TestLearnedEncodingSelector
        extends AbstractTestEncodingSelector
{
    private static final EncodingModel SHIPPED = EncodingModel.shipped();

    @Override
    protected EncodingSelector selector()
    {
        return new LearnedEncodingSelector(SHIPPED, LearnedEncodingSelector.DEFAULT_VERIFY_BELOW, LearnedEncodingSelector.PROFILE_RUNS);
    }

    @Test
    public void predictsWithoutTrialEncodingUnlessVerifying()
    {
        long[] values = new long[20_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / 1000;
        }
        LearnedEncodingSelector plain = new LearnedEncodingSelector(SHIPPED, 0, LearnedEncodingSelector.PROFILE_RUNS);
        LearnedEncodingSelector always = new LearnedEncodingSelector(SHIPPED, 2, LearnedEncodingSelector.PROFILE_RUNS);

        assertThat(plain.select(ColumnType.of(ColumnType.Kind.BIGINT), LongColumn.of(values)).trialEncodings()).isZero();
        assertThat(always.select(ColumnType.of(ColumnType.Kind.BIGINT), LongColumn.of(values)).trialEncodings()).isEqualTo(2);
        assertThat(plain.name()).isEqualTo("learned");
        assertThat(always.name()).isEqualTo("learned+verify");
    }

    @Test
    public void shippedModelRanksOnlyApplicableEncodings()
    {
        ColumnProfile profile = ColumnProfile.of(ColumnType.of(ColumnType.Kind.BOOLEAN), LongColumn.of(0, 1, 1, 0, 1));
        assertThat(SHIPPED.rank(profile)).containsExactlyInAnyOrder(Encoding.RAW, Encoding.RUNLENGTH, Encoding.ZSTD);
    }

    @Test
    public void shippedModelCardSaysHowItWasMadeAndHowItScoredOnHeldOutData()
            throws IOException
    {
        String card;
        try (InputStream in = EncodingModel.class.getResourceAsStream(EncodingModel.CARD_RESOURCE)) {
            assertThat(in).isNotNull();
            card = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var json = Json.mapper().readTree(card);
        assertThat(json.get("config").get("seed").asLong()).isNotZero();
        assertThat(json.get("trainingDatasets").has("ssb")).isFalse();
        assertThat(json.get("trainingDatasets").has("tpcds")).isFalse();
        assertThat(json.get("heldOutDatasets").has("tpcds")).isTrue();
        assertThat(json.get("evaluation").size()).isGreaterThanOrEqualTo(4);
    }
}
