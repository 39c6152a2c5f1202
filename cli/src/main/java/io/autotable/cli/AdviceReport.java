package io.autotable.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.autotable.advisor.Advice;
import io.autotable.advisor.Recommendation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code advise} (every kind) reports; the JSON's field names are a documented contract.
 *
 * @param provenance how the report was made
 * @param baseline the current design's simulated workload ({@code totalSeconds}, bytes, storage)
 * @param recommended the recommended design's
 * @param recommendations the changes, in the order they were applied in the what-if
 * @param declined what was considered and not recommended, with why
 * @param statements the heaviest statements' simulated seconds per run under both designs
 * @param timeline simulated seconds per hour of the log under both designs (no queueing)
 * @param design the recommended design of every table with data
 * @param wlm the workload-management advice, when the log has runtimes to replay ({@code advise --only wlm}'s section)
 */
record AdviceReport(
        Provenance provenance,
        Advice.Totals baseline,
        Advice.Totals recommended,
        List<Recommendation> recommendations,
        List<Advice.Declined> declined,
        List<StatementSeconds> statements,
        List<Hour> timeline,
        Map<String, Design> design,
        Optional<WlmAdviceReport.Section> wlm)
{
    AdviceReport withWlm(Optional<WlmAdviceReport.Section> section)
    {
        return new AdviceReport(provenance, baseline, recommended, recommendations, declined, statements, timeline, design, section);
    }

    /** The simulated seconds of the runs that arrived in one hour of the log (hours since the first). */
    record Hour(long hour, double baselineSeconds, double recommendedSeconds) {}

    /**
     * @param seed the seed of the learned sort-key model the advice used (the rest is deterministic)
     * @param workloadFingerprint a hash of the analysed workload (statements and runs)
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Provenance(String autotableVersion, String workspace, String workloadFingerprint, long statements, long analysedStatements, double days,
            Long seed, Configuration configuration) {}

    record Configuration(String cluster, int nodes, int slicesPerNode, String kinds, String solver, double maxSkew, int maxRows,
            double minBenefitPercent, double minStorageSavingPercent, int topQueries, String sortKeys, String encodings) {}

    /** A statement's simulated seconds per run, and its runs. */
    record StatementSeconds(String fingerprint, double runs, double baselineSeconds, double recommendedSeconds, String sql) {}

    record Design(String distribution, String distkey, String sortStyle, List<String> sortkey, Map<String, String> encodings) {}
}
