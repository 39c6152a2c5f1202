package io.autotable.encoding;

import io.autotable.catalog.ColumnType;
import io.autotable.design.Encoding;
import io.autotable.encoding.az64.Az64Encoder;
import io.autotable.encoding.bytedict.ByteDictEncoder;
import io.autotable.encoding.delta.DeltaEncoder;
import io.autotable.encoding.lzo.LzoEncoder;
import io.autotable.encoding.mostly.MostlyEncoder;
import io.autotable.encoding.raw.RawEncoder;
import io.autotable.encoding.runlength.RunLengthEncoder;
import io.autotable.encoding.text.TextEncoder;
import io.autotable.encoding.zstd.ZstdEncoder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The registry of encoders: one per Redshift encoding. Encoders are stateless and thread-safe.
 */
public final class Encoders
{
    private static final Map<Encoding, Encoder> ENCODERS = encoders();

    private Encoders() {}

    public static Encoder forEncoding(Encoding encoding)
    {
        requireNonNull(encoding, "encoding is null");
        return ENCODERS.get(encoding);
    }

    /** Every encoder, in {@link Encoding} order. */
    public static List<Encoder> all()
    {
        return List.copyOf(ENCODERS.values());
    }

    /** The encoders Redshift allows on a type, in {@link Encoding} order. */
    public static List<Encoder> applicable(ColumnType type)
    {
        requireNonNull(type, "type is null");
        List<Encoder> applicable = new ArrayList<>();
        for (Encoder encoder : ENCODERS.values()) {
            if (encoder.appliesTo(type)) {
                applicable.add(encoder);
            }
        }
        return List.copyOf(applicable);
    }

    private static Map<Encoding, Encoder> encoders()
    {
        Map<Encoding, Encoder> encoders = new EnumMap<>(Encoding.class);
        for (Encoder encoder : List.of(
                new RawEncoder(),
                new Az64Encoder(),
                new ByteDictEncoder(),
                DeltaEncoder.delta(),
                DeltaEncoder.delta32k(),
                new LzoEncoder(),
                MostlyEncoder.mostly8(),
                MostlyEncoder.mostly16(),
                MostlyEncoder.mostly32(),
                new RunLengthEncoder(),
                TextEncoder.text255(),
                TextEncoder.text32k(),
                new ZstdEncoder())) {
            encoders.put(encoder.encoding(), encoder);
        }
        if (encoders.size() != Encoding.values().length) {
            throw new IllegalStateException("an encoding has no encoder: " + encoders.keySet());
        }
        return Collections.unmodifiableMap(encoders);
    }
}
