package io.autotable.simulator.cluster;

import io.autotable.design.Encoding;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestClusterModel
{
    @Test
    void measuredDecodeRatesCoverEveryEncodingAndChangeNothingElse()
    {
        ClusterModel preset = ClusterModel.defaultModel();
        Map<Encoding, Double> measured = ClusterModel.measuredDecodeRates();

        ClusterModel changed = preset.withDecodeRates(measured);

        assertThat(measured).containsOnlyKeys(Encoding.values());
        for (Encoding encoding : Encoding.values()) {
            assertThat(changed.decodeRate(encoding)).isEqualTo(measured.get(encoding));
        }
        assertThat(changed.withDecodeRates(preset.decodeBytesPerSecond())).isEqualTo(preset);
        assertThat(changed.nodes()).isEqualTo(preset.nodes());
        assertThat(changed.scanBytesPerSecond()).isEqualTo(preset.scanBytesPerSecond());
    }

    @Test
    void slicesPerNodeAndNodesChangeIndependently()
    {
        ClusterModel cluster = ClusterModel.defaultModel().withNodes(3).withSlicesPerNode(2);

        assertThat(cluster.slices()).isEqualTo(6);
        assertThat(cluster.name()).isEqualTo(ClusterModel.defaultModel().name());
    }
}
