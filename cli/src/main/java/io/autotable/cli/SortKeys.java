package io.autotable.cli;

import io.autotable.advisor.SortKeyChooser;
import io.autotable.advisor.sortkey.learned.SortKeyModel;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.json.Json;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.workload.Workload;

import java.io.IOException;
import java.io.InputStream;
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

    /** The seed the shipped sort-key model was trained with (its card's {@code config.seed}). */
    static long shippedSeed()
    {
        try (InputStream in = SortKeyModel.class.getResourceAsStream(SortKeyModel.CARD_RESOURCE)) {
            if (in == null) {
                throw new CaptureException(ErrorCode.INTERNAL, "the sort-key model's card " + SortKeyModel.CARD_RESOURCE + " is missing from the autotable jar");
            }
            return Json.mapper().readTree(in).path("config").path("seed").asLong();
        }
        catch (IOException e) {
            throw new CaptureException(ErrorCode.INTERNAL, "cannot read the sort-key model's card: " + e.getMessage(), e);
        }
    }
}
