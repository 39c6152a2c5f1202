package io.autotable.encoding.block;

/**
 * Builds one block's payload value by value, so that the block can end exactly where the next
 * value would no longer fit.
 */
public interface BlockWriter
{
    /** Bytes the payload has now. */
    int size();

    /** Bytes the payload would grow by if the non-null value at {@code row} were appended. */
    int cost(int row);

    void append(int row);

    void writePayload(ByteSink out);
}
