/**
 * The block format every encoder shares and the primitives to write and read it.
 *
 * <p>A block is, all integers little-endian:
 * <pre>
 * byte    encoding     the Encoding's ordinal
 * int32   rows         0..Encoder.MAX_BLOCK_ROWS
 * byte    flags        0: no nulls, 1: a null bitmap follows
 * bytes   bitmap       ceil(rows / 8) bytes, bit (i % 8) of byte (i / 8) set when row i is null
 * bytes   payload      the encoding's own format, over the non-null values only, in row order
 * </pre>
 * LZO and ZSTD wrap such a block (see their packages). Variable-length integers ("varint") are
 * unsigned LEB128, at most 10 bytes.
 */
package io.autotable.encoding.block;
