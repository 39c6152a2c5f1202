package io.autotable.advisor.sortkey.learned;

import io.autotable.advisor.sortkey.learned.BenchmarkCases.BenchmarkCase;
import io.autotable.workload.QueryGroup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestBenchmarkCases
{
    @Test
    void ssbWorkloadIsAnalysedWhole()
    {
        BenchmarkCase ssb = BenchmarkCases.generate("ssb", 0.01, 7);

        assertThat(ssb.tables().keySet()).containsExactlyInAnyOrder("dwdate", "supplier", "customer", "part", "lineorder");
        // two days of 150 runs, each one statement
        assertThat(ssb.workload().statements()).isEqualTo(300);
        for (QueryGroup group : ssb.workload().groups()) {
            assertThat(group.parseError()).as(group.sql()).isEmpty();
        }
        // every flight of the benchmark is there
        assertThat(ssb.workload().groups()).hasSizeGreaterThanOrEqualTo(13);
        assertThat(ssb.tables().get("lineorder").table().column("lo_quantity").stats()).isPresent();
    }

    @Test
    void tpchWorkloadComesFromTheWorkloadGeneratorWithItsDrift()
    {
        BenchmarkCase tpch = BenchmarkCases.generate("tpch", 0.01, 7);

        assertThat(tpch.tables()).hasSize(8);
        assertThat(tpch.workload().statements()).isGreaterThanOrEqualTo(300);
        long analysed = tpch.workload().groups().stream().filter(group -> group.shape().isPresent()).mapToLong(QueryGroup::count).sum();
        assertThat(analysed).isGreaterThan(tpch.workload().statements() * 9 / 10);
        // filter-shift: the receipt date is filtered on the second day
        assertThat(tpch.workload().groups()).anyMatch(group -> group.sql().contains("l_receiptdate >="));
    }
}
