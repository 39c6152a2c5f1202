package io.autotable.cli;

import io.autotable.advisor.SortKeyChooser;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.workload.Workload;

import java.util.Optional;

/** The sort-key chooser the commands use. */
final class SortKeys
{
    private SortKeys() {}

    /** The learned sort-key advisor with its shipped model, on the workload's statements. */
    static Optional<SortKeyChooser> shipped(Workload workload, ClusterModel cluster)
    {
        return SortKeysAdvice.shippedChooser(workload, cluster);
    }
}
