package io.autotable.distkey;

/**
 * The little of a cluster distribution decisions need: how many nodes and slices rows are spread
 * over, and how much slice imbalance a key may cause. (The simulator's {@code ClusterModel}
 * describes clusters fully; this is what distribution costs depend on.)
 *
 * @param nodes compute nodes, >= 1
 * @param slicesPerNode slices per node, >= 1
 * @param maxSliceImbalance the largest predicted imbalance (rows on the busiest slice over the mean
 *        slice) a distribution key may cause, >= 1. The slowest slice sets a scan's time, so a key
 *        at imbalance r makes every scan of its table r times slower than an even spread: past this
 *        limit the table goes EVEN instead. The default, 2, accepts a nullable foreign key with a
 *        few percent of nulls on 16 slices (all nulls hash to one slice) and rejects a key whose
 *        busiest slice holds twice its share.
 */
public record DistributionCostModel(int nodes, int slicesPerNode, double maxSliceImbalance)
{
    public static final double DEFAULT_MAX_SLICE_IMBALANCE = 2.0;

    /** Four nodes of four slices, like a four-node Redshift ra3.4xlarge cluster. */
    public static final DistributionCostModel DEFAULT = new DistributionCostModel(4, 4, DEFAULT_MAX_SLICE_IMBALANCE);

    public DistributionCostModel
    {
        if (nodes < 1) {
            throw DistKeyException.invalid("nodes must be >= 1, got %s", nodes);
        }
        if (slicesPerNode < 1) {
            throw DistKeyException.invalid("slicesPerNode must be >= 1, got %s", slicesPerNode);
        }
        if (!(maxSliceImbalance >= 1) || Double.isInfinite(maxSliceImbalance)) {
            throw DistKeyException.invalid("maxSliceImbalance must be a finite number >= 1, got %s", maxSliceImbalance);
        }
    }

    /** A cluster of this shape with the {@link #DEFAULT_MAX_SLICE_IMBALANCE default imbalance limit}. */
    public DistributionCostModel(int nodes, int slicesPerNode)
    {
        this(nodes, slicesPerNode, DEFAULT_MAX_SLICE_IMBALANCE);
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

    /**
     * Bytes the network carries to keep a table of {@code sizeBytes} in distribution style ALL: the
     * copy sent to every other node, {@code size · (nodes − 1)}, again for every statement that writes
     * the table ({@code writes}), since each write is replicated to every node. Counting a write as
     * a whole copy overstates small inserts, which errs against ALL: the style is meant for small,
     * rarely written tables.
     */
    public double allCopyBytes(double sizeBytes, long writes)
    {
        return sizeBytes * (nodes - 1) * (1 + (double) writes);
    }
}
