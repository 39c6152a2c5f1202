package io.autotable.simulator.cluster;

import io.autotable.design.Encoding;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The simulated MPP cluster: how many nodes and slices hold the data, how big a block is, and how
 * fast a slice scans, decodes and processes rows and a node sends data over the network. Every
 * simulated time comes from these rates; every byte count comes from the data itself.
 *
 * <p>Rates are per slice except the network's, which a node's slices share. Decode rates are in
 * bytes of decoded (raw) values per second, so that a better-compressing but slower encoding pays
 * for its decode time: the simulator charges {@code encodedBytes / scanBytesPerSecond} to read a
 * block and {@code rawBytes / decodeBytesPerSecond(encoding)} to decode it.
 *
 * @param name a preset's name or {@code custom}
 * @param nodes compute nodes, 1..128
 * @param slicesPerNode slices per node, 1..32
 * @param blockBytes the block size: 1 MiB, Redshift's, which is what the encoders cut blocks to
 * @param scanBytesPerSecond bytes of encoded blocks one slice reads per second
 * @param decodeBytesPerSecond raw bytes one slice decodes per second, per encoding (every encoding present)
 * @param networkBytesPerSecond bytes a node sends (or receives) per second when redistributing or broadcasting
 * @param rowsPerSecond rows one slice joins or aggregates per second (hash build and probe)
 * @param queryOverheadSeconds fixed time of every query: planning, compiled segments from the cache, returning to the leader
 */
public record ClusterModel(
        String name,
        int nodes,
        int slicesPerNode,
        int blockBytes,
        double scanBytesPerSecond,
        Map<Encoding, Double> decodeBytesPerSecond,
        double networkBytesPerSecond,
        double rowsPerSecond,
        double queryOverheadSeconds)
{
    public static final int BLOCK_BYTES = 1 << 20;

    private static final double MB = 1e6;

    public ClusterModel
    {
        requireNonNull(name, "name is null");
        requireNonNull(decodeBytesPerSecond, "decodeBytesPerSecond is null");
        check(nodes >= 1 && nodes <= 128, "nodes", "1..128", nodes);
        check(slicesPerNode >= 1 && slicesPerNode <= 32, "slicesPerNode", "1..32", slicesPerNode);
        // the encoders cut blocks of at most 1 MiB; a different size would need them to cut differently
        check(blockBytes == BLOCK_BYTES, "blockBytes", "1048576 (1 MiB, as the encoders cut blocks)", blockBytes);
        check(scanBytesPerSecond > 0 && Double.isFinite(scanBytesPerSecond), "scanBytesPerSecond", "> 0", scanBytesPerSecond);
        check(networkBytesPerSecond > 0 && Double.isFinite(networkBytesPerSecond), "networkBytesPerSecond", "> 0", networkBytesPerSecond);
        check(rowsPerSecond > 0 && Double.isFinite(rowsPerSecond), "rowsPerSecond", "> 0", rowsPerSecond);
        check(queryOverheadSeconds >= 0 && Double.isFinite(queryOverheadSeconds), "queryOverheadSeconds", ">= 0", queryOverheadSeconds);
        EnumMap<Encoding, Double> rates = new EnumMap<>(Encoding.class);
        for (Encoding encoding : Encoding.values()) {
            Double rate = decodeBytesPerSecond.get(encoding);
            if (rate == null || !(rate > 0) || !Double.isFinite(rate)) {
                throw new SimulatorException(ErrorCode.INVALID_ARGUMENT,
                        "cluster model %s: decodeBytesPerSecond of %s must be > 0, got %s".formatted(name, encoding, rate));
            }
            rates.put(encoding, rate);
        }
        decodeBytesPerSecond = Map.copyOf(rates);
    }

    /** Total slices: {@code nodes * slicesPerNode}. */
    public int slices()
    {
        return nodes * slicesPerNode;
    }

    public double decodeRate(Encoding encoding)
    {
        return decodeBytesPerSecond.get(encoding);
    }

    /** A slice's share of its node's network. */
    public double sliceNetworkBytesPerSecond()
    {
        return networkBytesPerSecond / slicesPerNode;
    }

    public ClusterModel withNodes(int newNodes)
    {
        return new ClusterModel(name, newNodes, slicesPerNode, blockBytes, scanBytesPerSecond, decodeBytesPerSecond, networkBytesPerSecond, rowsPerSecond, queryOverheadSeconds);
    }

    /** The same cluster with other decode rates (raw bytes per second per slice, every encoding). */
    public ClusterModel withDecodeRates(Map<Encoding, Double> rates)
    {
        return new ClusterModel(name, nodes, slicesPerNode, blockBytes, scanBytesPerSecond, rates, networkBytesPerSecond, rowsPerSecond, queryOverheadSeconds);
    }

    /**
     * Decode rates measured by autotable's own decoders ({@code EncoderBenchmark}, JMH, one thread,
     * means of one run of {@code -wi 3 -i 5} on the shared 2-core build machine, MB/s of
     * uncompressed values; the README has the table with its error bars). A slice is about a core,
     * so these are per-slice rates of a Java decoder. They rank the encodings as this
     * implementation does, not as Redshift's native decoders would (RAW's decode is a copy whose
     * measurement was noisy, BYTEDICT's decoder is a slow one), which is why the presets use the
     * assumed rates unless {@code --decode-rates measured} asks for these.
     */
    public static Map<Encoding, Double> measuredDecodeRates()
    {
        Map<Encoding, Double> rates = new EnumMap<>(Encoding.class);
        rates.put(Encoding.RAW, 583 * MB);
        rates.put(Encoding.AZ64, 636 * MB);
        rates.put(Encoding.BYTEDICT, 151 * MB);
        rates.put(Encoding.DELTA, 537 * MB);
        rates.put(Encoding.DELTA32K, 689 * MB);
        rates.put(Encoding.LZO, 617 * MB);
        rates.put(Encoding.MOSTLY8, 832 * MB);
        rates.put(Encoding.MOSTLY16, 912 * MB);
        rates.put(Encoding.MOSTLY32, 994 * MB);
        rates.put(Encoding.RUNLENGTH, 1_454 * MB);
        rates.put(Encoding.TEXT255, 729 * MB);
        rates.put(Encoding.TEXT32K, 666 * MB);
        rates.put(Encoding.ZSTD, 486 * MB);
        return Map.copyOf(rates);
    }

    public ClusterModel withSlicesPerNode(int newSlicesPerNode)
    {
        return new ClusterModel(name, nodes, newSlicesPerNode, blockBytes, scanBytesPerSecond, decodeBytesPerSecond, networkBytesPerSecond, rowsPerSecond, queryOverheadSeconds);
    }

    /**
     * The presets, in the spirit of Redshift's node types (slices per node as AWS documents them;
     * rates are round figures of the right order, not measurements of AWS hardware):
     * <ul>
     * <li>{@code dc2.large}: 2 nodes of 2 slices, local SSD (400 MB/s per slice), 10 Gb/s network;</li>
     * <li>{@code ra3.xlplus}: 2 nodes of 2 slices, managed storage cached on SSD (500 MB/s per slice), 10 Gb/s;</li>
     * <li>{@code ra3.4xlarge}: 2 nodes of 4 slices (the default), 600 MB/s per slice, 10 Gb/s;</li>
     * <li>{@code ra3.16xlarge}: 4 nodes of 16 slices, 600 MB/s per slice, 25 Gb/s.</li>
     * </ul>
     * Decode rates (raw bytes per second per slice) rank the encodings as their decoders' work
     * does: RAW is a copy; RUNLENGTH, BYTEDICT and the MOSTLY encodings expand small codes; AZ64
     * and DELTA undo bit-packing and prefix sums; TEXT255/TEXT32K look words up; LZO and ZSTD
     * decompress, ZSTD the slowest.
     */
    public static List<ClusterModel> presets()
    {
        return List.of(
                preset("dc2.large", 2, 2, 400 * MB, 1_250 * MB, 40e6),
                preset("ra3.xlplus", 2, 2, 500 * MB, 1_250 * MB, 50e6),
                preset("ra3.4xlarge", 2, 4, 600 * MB, 1_250 * MB, 60e6),
                preset("ra3.16xlarge", 4, 16, 600 * MB, 3_125 * MB, 60e6));
    }

    public static ClusterModel defaultModel()
    {
        return preset("ra3.4xlarge");
    }

    /**
     * @throws SimulatorException with {@link ErrorCode#INVALID_ARGUMENT} naming the presets there are
     */
    public static ClusterModel preset(String name)
    {
        requireNonNull(name, "name is null");
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (ClusterModel preset : presets()) {
            if (preset.name().equals(wanted)) {
                return preset;
            }
        }
        throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "unknown cluster preset '%s': expected one of %s"
                .formatted(name, presets().stream().map(ClusterModel::name).toList()));
    }

    private static ClusterModel preset(String name, int nodes, int slicesPerNode, double scan, double network, double rows)
    {
        Map<Encoding, Double> decode = new EnumMap<>(Encoding.class);
        decode.put(Encoding.RAW, 4_000 * MB);
        decode.put(Encoding.RUNLENGTH, 3_000 * MB);
        decode.put(Encoding.BYTEDICT, 2_000 * MB);
        decode.put(Encoding.MOSTLY8, 2_000 * MB);
        decode.put(Encoding.MOSTLY16, 2_000 * MB);
        decode.put(Encoding.MOSTLY32, 2_000 * MB);
        decode.put(Encoding.AZ64, 1_800 * MB);
        decode.put(Encoding.DELTA, 1_500 * MB);
        decode.put(Encoding.DELTA32K, 1_500 * MB);
        decode.put(Encoding.TEXT255, 1_000 * MB);
        decode.put(Encoding.TEXT32K, 1_000 * MB);
        decode.put(Encoding.LZO, 700 * MB);
        decode.put(Encoding.ZSTD, 450 * MB);
        return new ClusterModel(name, nodes, slicesPerNode, BLOCK_BYTES, scan, decode, network, rows, 0.005);
    }

    private static void check(boolean valid, String field, String expected, Object value)
    {
        if (!valid) {
            throw new SimulatorException(ErrorCode.INVALID_ARGUMENT, "cluster model: %s must be %s, got %s".formatted(field, expected, value));
        }
    }
}
