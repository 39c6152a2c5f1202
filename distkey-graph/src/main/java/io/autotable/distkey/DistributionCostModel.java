package io.autotable.distkey;

/**
 * The little of a cluster the join graph's weights need: how many nodes and slices rows are spread
 * over. (The simulator's {@code ClusterModel} will describe clusters fully; this is what distribution
 * costs depend on.)
 *
 * @param nodes compute nodes, >= 1
 * @param slicesPerNode slices per node, >= 1
 */
public record DistributionCostModel(int nodes, int slicesPerNode)
{
    /** Four nodes of four slices, like a four-node Redshift ra3.4xlarge cluster. */
    public static final DistributionCostModel DEFAULT = new DistributionCostModel(4, 4);

    public DistributionCostModel
    {
        if (nodes < 1) {
            throw DistKeyException.invalid("nodes must be >= 1, got %s", nodes);
        }
        if (slicesPerNode < 1) {
            throw DistKeyException.invalid("slicesPerNode must be >= 1, got %s", slicesPerNode);
        }
    }

    public int slices()
    {
        return nodes * slicesPerNode;
    }

    /**
     * Bytes a join of sides of {@code bytesA} and {@code bytesB} moves when the two are not colocated:
     * the cheaper of
     * <ul>
     * <li>redistributing both sides on the join column (Redshift's DS_DIST_BOTH): a row stays on its
     * slice with probability 1/S, so {@code (bytesA + bytesB) · (S − 1) / S} for S slices; and</li>
     * <li>broadcasting the smaller side (DS_BCAST_INNER): every other node receives a full copy,
     * {@code min(bytesA, bytesB) · (nodes − 1)}.</li>
     * </ul>
     * Colocated (DS_DIST_NONE) it moves nothing, so this is what colocating saves. Whether one side is
     * already distributed on the join column (DS_DIST_INNER, moving one side) depends on the other
     * keys being chosen, so the weight takes the key-independent estimate. A one-node cluster
     * broadcasts for free, so nothing there is worth colocating.
     */
    public double bytesMovedUnlessColocated(double bytesA, double bytesB)
    {
        double redistribute = (bytesA + bytesB) * (slices() - 1) / slices();
        double broadcast = Math.min(bytesA, bytesB) * (nodes - 1);
        return Math.min(redistribute, broadcast);
    }
}
