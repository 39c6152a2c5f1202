package io.autotable.cli;

import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.layout.TableDataReader;
import picocli.CommandLine.Option;

/** The options of every command that lays out the workspace's tables: which cluster, how big a sample. */
public final class LayoutOptions
{
    @Option(names = "--cluster", paramLabel = "PRESET", defaultValue = "ra3.4xlarge",
            description = "Cluster preset: dc2.large, ra3.xlplus, ra3.4xlarge, ra3.16xlarge (default: ${DEFAULT-VALUE}).")
    String cluster;

    @Option(names = "--nodes", paramLabel = "N", description = "Nodes, overriding the preset's.")
    Integer nodes;

    @Option(names = "--decode-rates", paramLabel = "SET", defaultValue = "assumed",
            description = "Decode rates of the simulated slices: assumed (the presets', ranked as native decoders are) or measured (autotable's own decoders under JMH) (default: ${DEFAULT-VALUE}).")
    String decodeRates;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "" + TableDataReader.DEFAULT_MAX_ROWS,
            description = "Tables with more rows are laid out from a systematic sample (default: ${DEFAULT-VALUE}).")
    int maxRows;

    ClusterModel cluster()
    {
        ClusterModel model = DecodeRates.apply(ClusterModel.preset(cluster), decodeRates);
        return nodes == null ? model : model.withNodes(nodes);
    }

    int maxRows()
    {
        return maxRows;
    }
}
