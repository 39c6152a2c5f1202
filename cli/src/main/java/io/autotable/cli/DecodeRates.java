package io.autotable.cli;

import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.cluster.ClusterModel;

import java.util.Locale;

/** What {@code --decode-rates} names: the presets' assumed decode rates, or autotable's measured ones. */
final class DecodeRates
{
    private DecodeRates() {}

    static ClusterModel apply(ClusterModel cluster, String set)
    {
        return switch (set.strip().toLowerCase(Locale.ROOT)) {
            case "assumed" -> cluster;
            case "measured" -> cluster.withDecodeRates(ClusterModel.measuredDecodeRates());
            default -> throw new CaptureException(ErrorCode.INVALID_ARGUMENT, "--decode-rates '%s': expected assumed or measured".formatted(set));
        };
    }
}
