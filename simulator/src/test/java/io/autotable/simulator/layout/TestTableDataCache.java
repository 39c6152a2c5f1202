package io.autotable.simulator.layout;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class TestTableDataCache
{
    @TempDir
    Path directory;

    @Test
    void cachedDataEqualsTheDataItWasWrittenFromUntilTheStampChanges()
            throws Exception
    {
        TableData data = TestingTables.random("t", 5_000, 41);
        TableDataCache cache = new TableDataCache(directory.resolve("cache"));
        AtomicInteger loads = new AtomicInteger();

        TableData first = cache.read(data.table(), "loaded at 1", () -> {
            loads.incrementAndGet();
            return data;
        });
        TableData second = cache.read(data.table(), "loaded at 1", () -> {
            loads.incrementAndGet();
            return data;
        });
        assertThat(first).isSameAs(data);
        assertThat(loads).hasValue(1);
        assertSameValues(second, data);

        cache.read(data.table(), "loaded at 2", () -> {
            loads.incrementAndGet();
            return data;
        });
        assertThat(loads).hasValue(2);

        // a damaged file is read again from the source
        Files.write(directory.resolve("cache/t.columns"), new byte[] {1, 2, 3});
        cache.read(data.table(), "loaded at 2", () -> {
            loads.incrementAndGet();
            return data;
        });
        assertThat(loads).hasValue(3);
    }

    private static void assertSameValues(TableData actual, TableData expected)
    {
        assertThat(actual.rows()).isEqualTo(expected.rows());
        for (int c = 0; c < expected.columns().size(); c++) {
            ColumnData a = actual.columns().get(c);
            ColumnData e = expected.columns().get(c);
            assertThat(a.hasNulls()).isEqualTo(e.hasNulls());
            for (int row = 0; row < expected.rows(); row++) {
                assertThat(a.isNull(row)).isEqualTo(e.isNull(row));
                assertThat(a.key(row)).isEqualTo(e.key(row));
                assertThat(a.hash(row)).isEqualTo(e.hash(row));
                assertThat(a.rawWidth(row)).isEqualTo(e.rawWidth(row));
            }
        }
    }
}
