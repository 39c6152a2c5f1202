package io.autotable.encoding.learned;

import io.autotable.design.Encoding;
import io.autotable.encoding.ColumnProfile;
import io.autotable.encoding.EncodingException;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.EnsembleModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Tribuo forest of CART trees flattened into arrays for prediction: a tree walk is a few array
 * reads per level instead of Tribuo's per-call sparse vector, feature map lookups and prediction
 * maps. Predicts exactly what Tribuo's {@code FullyWeightedVotingCombiner} does: the sum over
 * trees of each leaf's label distribution. A split sends a value greater than its threshold to the
 * right, as Tribuo's {@link SplitNode} does; a feature missing from the tree's feature map reads 0,
 * as in Tribuo's sparse vectors.
 */
final class CompiledForest
{
    private static final int LEAF = -1;

    private final int[] roots;
    private final int[] feature;
    private final double[] threshold;
    private final int[] lessOrEqual;
    private final int[] greater;
    // per node, its leaf's row in distributions (-1 for splits)
    private final int[] leaf;
    private final double[] distributions;
    private final int labels;

    private CompiledForest(int[] roots, int[] feature, double[] threshold, int[] lessOrEqual, int[] greater, int[] leaf, double[] distributions, int labels)
    {
        this.roots = roots;
        this.feature = feature;
        this.threshold = threshold;
        this.lessOrEqual = lessOrEqual;
        this.greater = greater;
        this.leaf = leaf;
        this.distributions = distributions;
        this.labels = labels;
    }

    static CompiledForest compile(Model<Label> model)
    {
        List<Model<Label>> members = new ArrayList<>();
        if (model instanceof EnsembleModel<Label> ensemble) {
            members.addAll(ensemble.getModels());
        }
        else {
            members.add(model);
        }
        Builder builder = new Builder();
        int[] roots = new int[members.size()];
        for (int i = 0; i < members.size(); i++) {
            if (!(members.get(i) instanceof TreeModel<Label> tree)) {
                throw EncodingException.invalidInput("the encoding model's member %d is a %s, not a tree", i, members.get(i).getClass().getSimpleName());
            }
            roots[i] = builder.add(tree.getRoot(), tree.getFeatureIDMap());
        }
        return builder.build(roots);
    }

    /** Adds each label's votes for the features to {@code scores}, indexed by {@link Encoding#ordinal()}. */
    void vote(double[] features, double[] scores)
    {
        for (int root : roots) {
            int node = root;
            while (leaf[node] == LEAF) {
                int index = feature[node];
                double value = index < 0 ? 0 : features[index];
                node = value > threshold[node] ? greater[node] : lessOrEqual[node];
            }
            int row = leaf[node] * labels;
            for (int label = 0; label < labels; label++) {
                scores[label] += distributions[row + label];
            }
        }
    }

    private static final class Builder
    {
        private final List<Integer> features = new ArrayList<>();
        private final List<Double> thresholds = new ArrayList<>();
        private final List<Integer> lefts = new ArrayList<>();
        private final List<Integer> rights = new ArrayList<>();
        private final List<Integer> leaves = new ArrayList<>();
        private final List<double[]> distributions = new ArrayList<>();

        int add(Node<Label> node, ImmutableFeatureMap featureMap)
        {
            int index = features.size();
            features.add(0);
            thresholds.add(0.0);
            lefts.add(0);
            rights.add(0);
            leaves.add(LEAF);
            if (node instanceof SplitNode<Label> split) {
                String name = featureMap.get(split.getFeatureID()).getName();
                features.set(index, ColumnProfile.FEATURE_NAMES.indexOf(name));
                thresholds.set(index, split.splitValue());
                lefts.set(index, add(split.getLessThanOrEqual(), featureMap));
                rights.set(index, add(split.getGreaterThan(), featureMap));
            }
            else if (node instanceof LeafNode<Label> leafNode) {
                double[] distribution = new double[Encoding.values().length];
                for (Map.Entry<String, Label> entry : leafNode.getDistribution().entrySet()) {
                    distribution[Encoding.valueOf(entry.getKey()).ordinal()] = entry.getValue().getScore();
                }
                leaves.set(index, distributions.size());
                distributions.add(distribution);
            }
            else {
                throw EncodingException.invalidInput("unknown tree node %s", node.getClass().getSimpleName());
            }
            return index;
        }

        CompiledForest build(int[] roots)
        {
            int nodes = features.size();
            int[] feature = new int[nodes];
            double[] threshold = new double[nodes];
            int[] left = new int[nodes];
            int[] right = new int[nodes];
            int[] leaf = new int[nodes];
            for (int i = 0; i < nodes; i++) {
                feature[i] = features.get(i);
                threshold[i] = thresholds.get(i);
                left[i] = lefts.get(i);
                right[i] = rights.get(i);
                leaf[i] = leaves.get(i);
            }
            int labels = Encoding.values().length;
            double[] flat = new double[distributions.size() * labels];
            for (int i = 0; i < distributions.size(); i++) {
                System.arraycopy(distributions.get(i), 0, flat, i * labels, labels);
            }
            return new CompiledForest(roots, feature, threshold, left, right, leaf, flat, labels);
        }
    }
}
