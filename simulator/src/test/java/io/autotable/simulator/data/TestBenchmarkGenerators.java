package io.autotable.simulator.data;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class TestBenchmarkGenerators
{
    @Test
    public void listsTheThreeBenchmarks()
    {
        assertThat(BenchmarkGenerators.all()).extracting(BenchmarkGenerator::name).containsExactly("tpch", "tpcds", "ssb");
    }

    @Test
    public void findsAGeneratorByName()
    {
        assertThat(BenchmarkGenerators.byName("tpch").name()).isEqualTo("tpch");
        assertThat(BenchmarkGenerators.byName(" SSB ").name()).isEqualTo("ssb");
    }

    @Test
    public void rejectsAnUnknownNameListingTheValidOnes()
    {
        assertThatThrownBy(() -> BenchmarkGenerators.byName("tpcx"))
                .isInstanceOfSatisfying(SimulatorException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNKNOWN_BENCHMARK))
                .hasMessage("unknown benchmark 'tpcx': use one of tpch, tpcds, ssb");
    }

    @Test
    public void everyGeneratorAcceptsItsSmallestScale()
    {
        for (BenchmarkGenerator generator : BenchmarkGenerators.all()) {
            assertThat(generator.minScale()).isEqualTo(0.01);
            assertThat(generator.maxScale()).isEqualTo(100);
            assertThat(generator.schema()).isNotEmpty();
        }
    }
}
