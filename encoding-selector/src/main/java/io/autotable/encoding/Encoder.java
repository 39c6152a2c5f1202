package io.autotable.encoding;

import io.autotable.catalog.ColumnType;
import io.autotable.design.Encoding;

import java.util.List;

/**
 * One Redshift column encoding: turns a column's values into encoded blocks and back.
 *
 * <p>Like Redshift, an encoder cuts a column into blocks of at most {@link #MAX_BLOCK_BYTES} bytes
 * of encoded output: a block takes values in order for as long as the next one still fits, so a
 * block holds as many values as fit in 1 MiB after encoding (and at most {@link #MAX_BLOCK_ROWS}
 * rows, which bounds what a decoder allocates). Each block is self-contained: it decodes alone.
 *
 * <p>Which encoding applies to which type is Redshift's documented table, see {@link EncodingTypes}.
 */
public interface Encoder
{
    int MAX_BLOCK_BYTES = 1 << 20;
    int MAX_BLOCK_ROWS = 1 << 20;

    Encoding encoding();

    /** Whether Redshift allows this encoding on columns of this type. */
    boolean appliesTo(ColumnType type);

    /**
     * Encodes a column's values into blocks of at most {@link #MAX_BLOCK_BYTES} bytes each; an
     * empty column gives one empty block.
     *
     * @throws EncodingException when the encoding does not apply to the type, the column's class
     *         does not match the type, or a value is out of the type's range
     */
    List<byte[]> encode(ColumnType type, Column column);

    /**
     * Decodes one block, giving back exactly the values and nulls that were encoded.
     *
     * @throws EncodingException with the byte offset, when the block is truncated or corrupt
     */
    Column decode(ColumnType type, byte[] block);
}
