package io.autotable.encoding;

import io.autotable.catalog.ColumnType;
import io.autotable.design.Encoding;
import io.autotable.encoding.TestingColumns.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every {@link EncodingSelector} meets, run against each one: on seeded random and
 * adversarial samples of every type (empty, all nulls, one value, extremes, longest strings) it
 * chooses an encoding Redshift allows on the type, the same one every time for the same sample,
 * and a sample of the wrong class is an {@link EncodingException}.
 */
public abstract class AbstractTestEncodingSelector
{
    private static final long SEED = 0x5E1EC7L;

    protected abstract EncodingSelector selector();

    @Test
    public void choosesAnApplicableEncodingForSeededRandomSamples()
    {
        EncodingSelector selector = selector();
        SplittableRandom random = new SplittableRandom(SEED);
        for (ColumnType type : TestingColumns.TYPES) {
            for (Shape shape : Shape.values()) {
                SplittableRandom split = random.split();
                Column sample = TestingColumns.random(type, shape, 1 + split.nextInt(5000), split.nextInt(4) == 0 ? 0.3 : 0, split);
                assertChoosesApplicable(selector, type, sample);
            }
        }
    }

    @Test
    public void choosesAnApplicableEncodingForAdversarialSamples()
    {
        EncodingSelector selector = selector();
        for (ColumnType type : TestingColumns.TYPES) {
            for (Column sample : List.of(
                    TestingColumns.allNulls(type, 0),
                    TestingColumns.allNulls(type, 100),
                    TestingColumns.extremes(type),
                    TestingColumns.random(type, Shape.LOW_CARDINALITY, 1, 0, new SplittableRandom(SEED)),
                    TestingColumns.random(type, Shape.RUNS, 20_000, 0, new SplittableRandom(SEED)))) {
                assertChoosesApplicable(selector, type, sample);
            }
        }
    }

    @Test
    public void sameSampleGivesTheSameChoice()
    {
        EncodingSelector selector = selector();
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (ColumnType type : TestingColumns.TYPES) {
            Column sample = TestingColumns.random(type, Shape.values()[random.nextInt(Shape.values().length)], 3000, 0.1, random.split());
            Encoding first = selector.select(type, sample).encoding();
            assertThat(selector.select(type, sample).encoding()).as("%s on %s", selector.name(), type).isEqualTo(first);
        }
    }

    @Test
    public void rejectsASampleOfTheWrongClass()
    {
        assertThatThrownBy(() -> selector().select(ColumnType.varchar(10), LongColumn.of(1, 2, 3)))
                .isInstanceOf(EncodingException.class);
    }

    @Test
    public void hasAName()
    {
        assertThat(selector().name()).isNotBlank();
    }

    private static void assertChoosesApplicable(EncodingSelector selector, ColumnType type, Column sample)
    {
        EncodingSelector.Selection selection = selector.select(type, sample);
        assertThat(EncodingTypes.applies(selection.encoding(), type))
                .as("%s chose %s for %s", selector.name(), selection.encoding(), type)
                .isTrue();
    }
}
