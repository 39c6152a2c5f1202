/**
 * Redshift's column compression encodings, for real: an {@link io.autotable.encoding.Encoder} per
 * {@link io.autotable.design.Encoding}, found through {@link io.autotable.encoding.Encoders}, that
 * cuts a column ({@link io.autotable.encoding.LongColumn}, {@link io.autotable.encoding.DoubleColumn},
 * {@link io.autotable.encoding.TextColumn}) into blocks of at most 1 MiB and decodes them back
 * byte for byte. Which encoding applies to which type is {@link io.autotable.encoding.EncodingTypes}.
 *
 * <p>Each encoding lives in its own package, with its byte format in its class documentation; the
 * header and null bitmap they share are in {@code io.autotable.encoding.block}. LZO and ZSTD come
 * from aircompressor; the column encodings are written here. AZ64's real format is not public:
 * {@code io.autotable.encoding.az64} is a frame-of-reference, bit-packing scheme in its spirit.
 */
package io.autotable.encoding;
