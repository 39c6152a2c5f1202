package io.autotable.advisor.sortkey.learned;

import io.autotable.advisor.sortkey.SortKey;
import io.autotable.advisor.sortkey.SortKeyCandidate;
import io.autotable.advisor.sortkey.TableProfile;
import io.autotable.advisor.sortkey.TableWorkload.Statement;
import io.autotable.design.Encoding;
import io.autotable.design.SortStyle;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.workload.JoinPair;
import io.autotable.workload.PredicateOperator;

import java.util.List;

/**
 * What the learned ranker knows about a candidate: the key's shape, the block-skip estimates
 * ({@link TableProfile#skippedShare}) with and without it, how much of the table's workload its
 * leading and second columns filter and how selectively, the leading column's distinct share,
 * correlation with the load order and blocks per slice, and the table's size and scan share.
 * Shares are of the workload's scan weight: {@code runs × bytes read of the table} per statement.
 */
public final class CandidateFeatures
{
    public static final List<String> NAMES = List.of(
            "compound",
            "interleaved",
            "none",
            "keyColumns",
            "estimatedSkip",
            "estimatedSkipWithoutKey",
            "estimatedSkipGain",
            "scanShare",
            "leadFilterShare",
            "leadSelectivity",
            "leadRangeShare",
            "leadDistinctFraction",
            "leadLoadOrderCorrelation",
            "leadBlocksPerSliceLog2",
            "leadJoinShare",
            "keyFilterShare",
            "secondFilterShare",
            "secondOnlyShare",
            "secondSelectivity",
            "readBlocksPerSliceLog2",
            "rowsPerSliceLog10",
            "tableColumns",
            "readColumnShare",
            "weightShare",
            "statementsLog2");

    private CandidateFeatures() {}

    /**
     * What the block-skip estimate alone says a candidate saves against no sort key: the share of
     * the scanned bytes it skips beyond what the load order already skips, times the share of the
     * statements' time that is scanning. The model learns the simulator's correction to it.
     */
    public static double estimatedBenefit(double[] features)
    {
        return features[6] * features[7];
    }

    public static double[] of(TableProfile profile, SortKeyCandidate candidate, ClusterModel cluster)
    {
        SortKey key = candidate.key();
        List<Statement> statements = profile.workload().statements();
        double total = 0;
        double scanSeconds = 0;
        double overheadSeconds = 0;
        double readBlocks = 0;
        double readColumns = 0;
        for (Statement statement : statements) {
            double bytes = profile.scanBytes(statement);
            double weight = statement.runs() * bytes;
            total += weight;
            scanSeconds += statement.runs() * (bytes / profile.slices() / cluster.scanBytesPerSecond() + bytes / profile.slices() / cluster.decodeRate(Encoding.RAW));
            overheadSeconds += statement.runs() * cluster.queryOverheadSeconds();
            readBlocks += weight * log2(1 + bytes / profile.data().rowsPerDataRow() / profile.slices() / ClusterModel.BLOCK_BYTES);
            readColumns += weight * statement.columnsRead().size() / Math.max(1, profile.data().columns().size());
        }
        double[] features = new double[NAMES.size()];
        features[0] = key.style() == SortStyle.COMPOUND ? 1 : 0;
        features[1] = key.style() == SortStyle.INTERLEAVED ? 1 : 0;
        features[2] = key.isNone() ? 1 : 0;
        features[3] = key.columns().size();
        double estimated = profile.skippedShare(key);
        double withoutKey = profile.skippedShare(SortKey.none());
        features[4] = estimated;
        features[5] = withoutKey;
        features[6] = estimated - withoutKey;
        features[7] = scanSeconds + overheadSeconds == 0 ? 0 : scanSeconds / (scanSeconds + overheadSeconds);
        if (key.leading().isPresent()) {
            String lead = key.leading().get();
            ColumnUse use = use(profile, lead, null);
            features[8] = share(use.filterWeight, total);
            features[9] = use.filterWeight == 0 ? 1 : use.selectivityWeight / use.filterWeight;
            features[10] = use.filterWeight == 0 ? 0 : use.rangeWeight / use.filterWeight;
            features[11] = profile.distinctFraction(lead);
            features[12] = profile.loadOrderCorrelation(lead);
            features[13] = log2(profile.blocksPerSlice(lead));
            features[14] = share(use.joinWeight, total);
        }
        double keyFilter = 0;
        for (Statement statement : statements) {
            for (String column : key.columns()) {
                if (profile.filters(statement, column)) {
                    keyFilter += statement.runs() * profile.scanBytes(statement);
                    break;
                }
            }
        }
        features[15] = share(keyFilter, total);
        if (key.columns().size() > 1) {
            ColumnUse second = use(profile, key.columns().get(1), key.columns().get(0));
            features[16] = share(second.filterWeight, total);
            features[17] = share(second.onlyWeight, total);
            features[18] = second.filterWeight == 0 ? 1 : second.selectivityWeight / second.filterWeight;
        }
        else {
            features[18] = 1;
        }
        features[19] = total == 0 ? 0 : readBlocks / total;
        features[20] = Math.log10(1 + profile.data().rows() / (double) profile.slices());
        features[21] = profile.data().columns().size();
        features[22] = total == 0 ? 0 : readColumns / total;
        features[23] = share(candidate.weight(), total);
        features[24] = log2(1 + statements.size());
        return features;
    }

    private static final class ColumnUse
    {
        double filterWeight;
        double selectivityWeight;
        double rangeWeight;
        double joinWeight;
        double onlyWeight;
    }

    // how the workload filters and joins a column; onlyWeight counts statements that do not filter `other`
    private static ColumnUse use(TableProfile profile, String column, String other)
    {
        ColumnUse use = new ColumnUse();
        for (Statement statement : profile.workload().statements()) {
            double weight = statement.runs() * profile.scanBytes(statement);
            if (profile.filters(statement, column)) {
                use.filterWeight += weight;
                use.selectivityWeight += weight * profile.selectivity(statement, column);
                boolean range = statement.predicatesOn(column).stream().anyMatch(predicate -> predicate.operator() != PredicateOperator.EQUAL && predicate.operator() != PredicateOperator.IN
                        && predicate.operator() != PredicateOperator.IS_NULL);
                use.rangeWeight += range ? weight : 0;
                if (other != null && !profile.filters(statement, other)) {
                    use.onlyWeight += weight;
                }
            }
            for (JoinPair pair : statement.joins()) {
                if (pair.left().column().equals(column)) {
                    use.joinWeight += weight;
                    break;
                }
            }
        }
        return use;
    }

    private static double share(double part, double total)
    {
        return total == 0 ? 0 : part / total;
    }

    private static double log2(double value)
    {
        return Math.log(Math.max(1, value)) / Math.log(2);
    }
}
