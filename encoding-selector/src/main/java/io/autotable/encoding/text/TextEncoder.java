package io.autotable.encoding.text;

import io.autotable.design.Encoding;
import io.autotable.encoding.EncodingException;
import io.autotable.encoding.block.AbstractEncoder;
import io.autotable.encoding.block.BlockReader;
import io.autotable.encoding.block.BlockWriter;
import io.autotable.encoding.block.ByteSink;
import io.autotable.encoding.block.BytesDictionary;
import io.autotable.encoding.block.Values;

import java.util.Arrays;

/**
 * TEXT255 and TEXT32K: a per-block dictionary of words, each word of a value replaced by its index.
 * A value's words are what lies between single spaces (0x20): splitting at every space and joining
 * with one space gives back the exact bytes, empty words included. Words enter the dictionary in
 * order of first appearance while it has room; the others are written as literals.
 *
 * <p>TEXT255, like Redshift's, keeps up to 245 words of at most 255 bytes each, with one-byte
 * indexes. TEXT32K keeps words (of any length) while their bytes total at most 32 KiB, with two-byte
 * indexes. Payload ({@code k} = 1 for TEXT255, 2 for TEXT32K):
 * <pre>
 * k bytes        entries            word count of the dictionary
 * entries        each a k-byte length then the word's bytes
 * per non-null value:
 *   varint       words              1..65536
 *   per word     k bytes            an index below entries, or all ones (0xFF, 0xFFFF) then a
 *                                   literal: a 2-byte length and the bytes
 * </pre>
 */
public final class TextEncoder
        extends AbstractEncoder
{
    private static final int MAX_VALUE_BYTES = 65535;

    private final int indexBytes;
    private final int escape;
    private final int maxEntries;
    private final int maxWordBytes;
    private final int maxDictionaryBytes;

    private TextEncoder(Encoding encoding, int indexBytes, int maxEntries, int maxWordBytes, int maxDictionaryBytes)
    {
        super(encoding);
        this.indexBytes = indexBytes;
        this.escape = (1 << (8 * indexBytes)) - 1;
        this.maxEntries = maxEntries;
        this.maxWordBytes = maxWordBytes;
        this.maxDictionaryBytes = maxDictionaryBytes;
    }

    public static TextEncoder text255()
    {
        return new TextEncoder(Encoding.TEXT255, 1, 245, 255, 245 * 255);
    }

    public static TextEncoder text32k()
    {
        return new TextEncoder(Encoding.TEXT32K, 2, 32768, 32768, 32768);
    }

    @Override
    protected BlockWriter newWriter(Values values)
    {
        return new TextWriter(values);
    }

    @Override
    protected void readTexts(BlockReader in, byte[][] out)
    {
        int entriesOffset = in.position();
        int entries = (int) in.readLong(indexBytes) & escape;
        if (entries > maxEntries) {
            throw EncodingException.malformed(entriesOffset, "dictionary of %d words, more than %d", entries, maxEntries);
        }
        byte[][] dictionary = new byte[entries][];
        long dictionaryBytes = 0;
        for (int i = 0; i < entries; i++) {
            int lengthOffset = in.position();
            int length = (int) in.readLong(indexBytes) & escape;
            dictionaryBytes += length;
            if (length > maxWordBytes || dictionaryBytes > maxDictionaryBytes) {
                throw EncodingException.malformed(lengthOffset, "dictionary word of %d bytes beyond the dictionary's limits", length);
            }
            dictionary[i] = in.readBytes(length);
        }
        byte[] scratch = new byte[MAX_VALUE_BYTES];
        for (int i = 0; i < out.length; i++) {
            int valueOffset = in.position();
            int words = in.readCount(MAX_VALUE_BYTES + 1, "word count");
            if (words == 0) {
                throw EncodingException.malformed(valueOffset, "value of no words");
            }
            int length = 0;
            for (int w = 0; w < words; w++) {
                if (w > 0) {
                    if (length == MAX_VALUE_BYTES) {
                        throw EncodingException.malformed(valueOffset, "value longer than %d bytes", MAX_VALUE_BYTES);
                    }
                    scratch[length++] = ' ';
                }
                int codeOffset = in.position();
                int code = (int) in.readLong(indexBytes) & escape;
                if (code == escape) {
                    int wordLength = in.readUnsignedShort();
                    if (wordLength > MAX_VALUE_BYTES - length) {
                        throw EncodingException.malformed(codeOffset, "value longer than %d bytes", MAX_VALUE_BYTES);
                    }
                    in.readBytes(scratch, length, wordLength);
                    length += wordLength;
                }
                else if (code < entries) {
                    byte[] word = dictionary[code];
                    if (word.length > MAX_VALUE_BYTES - length) {
                        throw EncodingException.malformed(codeOffset, "value longer than %d bytes", MAX_VALUE_BYTES);
                    }
                    System.arraycopy(word, 0, scratch, length, word.length);
                    length += word.length;
                }
                else {
                    throw EncodingException.malformed(codeOffset, "dictionary index %d beyond %d words", code, entries);
                }
            }
            out[i] = Arrays.copyOf(scratch, length);
        }
    }

    private final class TextWriter
            implements BlockWriter
    {
        private final Values values;
        private final BytesDictionary dictionary = new BytesDictionary(maxEntries);
        private final ByteSink codes = new ByteSink(1024);

        TextWriter(Values values)
        {
            this.values = values;
        }

        @Override
        public int size()
        {
            return (int) (indexBytes + (long) dictionary.size() * indexBytes + dictionary.totalLength() + codes.size());
        }

        /** An upper bound: a word not yet in the dictionary is counted as a literal, the costlier way. */
        @Override
        public int cost(int row)
        {
            byte[] value = values.textAt(row);
            int cost = 0;
            int words = 0;
            int start = 0;
            for (int i = 0; i <= value.length; i++) {
                if (i == value.length || value[i] == ' ') {
                    words++;
                    cost += indexBytes;
                    if (dictionary.find(value, start, i - start) < 0) {
                        cost += 2 + i - start;
                    }
                    start = i + 1;
                }
            }
            return cost + ByteSink.varintSize(words);
        }

        @Override
        public void append(int row)
        {
            byte[] value = values.textAt(row);
            int words = 1;
            for (byte b : value) {
                if (b == ' ') {
                    words++;
                }
            }
            codes.writeVarint(words);
            int start = 0;
            for (int i = 0; i <= value.length; i++) {
                if (i == value.length || value[i] == ' ') {
                    appendWord(value, start, i - start);
                    start = i + 1;
                }
            }
        }

        private void appendWord(byte[] value, int offset, int length)
        {
            int id = dictionary.find(value, offset, length);
            if (id < 0 && !dictionary.isFull() && length <= maxWordBytes && dictionary.totalLength() + length <= maxDictionaryBytes) {
                id = dictionary.add(value, offset, length);
            }
            if (id >= 0) {
                codes.writeLong(id, indexBytes);
            }
            else {
                codes.writeLong(escape, indexBytes);
                codes.writeLong(length, 2);
                codes.writeBytes(value, offset, length);
            }
        }

        @Override
        public void writePayload(ByteSink out)
        {
            out.writeLong(dictionary.size(), indexBytes);
            for (int id = 0; id < dictionary.size(); id++) {
                dictionary.writeEntry(id, out, indexBytes);
            }
            out.writeBytes(codes);
        }
    }
}
