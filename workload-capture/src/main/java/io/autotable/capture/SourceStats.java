package io.autotable.capture;

import io.autotable.error.CaptureException;

/**
 * What a source read from one file.
 *
 * @param records records the file holds (lines, CSV rows, statements)
 * @param events good events handed over
 * @param bad records reported as bad
 */
public record SourceStats(long records, long events, long bad)
{
    public SourceStats
    {
        if (records < 0 || events < 0 || bad < 0) {
            throw CaptureException.invalid("counts must be >= 0, got records %d, events %d, bad %d", records, events, bad);
        }
    }
}
