package io.autotable.simulator.layout;

import io.autotable.catalog.Column;
import io.autotable.catalog.Table;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Tables' primitive columns kept on disk between runs, so that replaying again does not read the
 * embedded warehouse's rows through H2 again (the slow part of a layout). A cached table is used
 * only when its stamp (the caller's: when the table was loaded, its rows, the sample size) is the
 * one it was written with; anything else, a missing or unreadable file included, reads the
 * warehouse and rewrites the cache. Files are written to a temporary name and moved into place.
 */
public final class TableDataCache
{
    private static final String MAGIC = "autotable-columns-1";

    private final Path directory;

    public TableDataCache(Path directory)
    {
        this.directory = requireNonNull(directory, "directory is null");
    }

    /** The table's data from the cache when its stamp matches, else from the loader (and cached). */
    public TableData read(Table table, String stamp, Supplier<TableData> loader)
    {
        Path file = directory.resolve(table.name() + ".columns");
        Optional<TableData> cached = tryRead(file, table, stamp);
        if (cached.isPresent()) {
            return cached.get();
        }
        TableData data = loader.get();
        write(file, data, stamp);
        return data;
    }

    private static Optional<TableData> tryRead(Path file, Table table, String stamp)
    {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!in.readUTF().equals(MAGIC) || !in.readUTF().equals(stamp)) {
                return Optional.empty();
            }
            int rows = in.readInt();
            int count = in.readInt();
            if (count != table.columns().size()) {
                return Optional.empty();
            }
            List<ColumnData> columns = new ArrayList<>(count);
            for (Column column : table.columns()) {
                if (!in.readUTF().equals(column.name()) || !in.readUTF().equals(column.type().sql())) {
                    return Optional.empty();
                }
                boolean[] nulls = null;
                if (in.readBoolean()) {
                    nulls = new boolean[rows];
                    for (int i = 0; i < rows; i++) {
                        nulls[i] = in.readBoolean();
                    }
                }
                if (column.type().isText()) {
                    int[] offsets = new int[rows + 1];
                    for (int i = 0; i <= rows; i++) {
                        offsets[i] = in.readInt();
                    }
                    byte[] heap = new byte[offsets[rows]];
                    in.readFully(heap);
                    columns.add(ColumnData.ofText(column.name(), column.type(), heap, offsets, nulls, rows));
                }
                else {
                    long[] values = new long[rows];
                    for (int i = 0; i < rows; i++) {
                        values[i] = in.readLong();
                    }
                    columns.add(ColumnData.ofLongs(column.name(), column.type(), values, nulls, rows));
                }
            }
            return Optional.of(new TableData(table, columns, rows));
        }
        catch (NoSuchFileException e) {
            return Optional.empty();
        }
        catch (IOException | RuntimeException e) {
            // a damaged or foreign cache file: read the warehouse again and rewrite it
            return Optional.empty();
        }
    }

    private void write(Path file, TableData data, String stamp)
    {
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, data.table().name(), ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
                out.writeUTF(MAGIC);
                out.writeUTF(stamp);
                out.writeInt(data.rows());
                out.writeInt(data.columns().size());
                for (ColumnData column : data.columns()) {
                    out.writeUTF(column.name());
                    out.writeUTF(column.type().sql());
                    out.writeBoolean(column.hasNulls());
                    if (column.hasNulls()) {
                        for (int i = 0; i < data.rows(); i++) {
                            out.writeBoolean(column.isNull(i));
                        }
                    }
                    if (column.isText()) {
                        int offset = 0;
                        out.writeInt(0);
                        for (int i = 0; i < data.rows(); i++) {
                            offset += column.isNull(i) ? 0 : column.bytes(i).length;
                            out.writeInt(offset);
                        }
                        for (int i = 0; i < data.rows(); i++) {
                            if (!column.isNull(i)) {
                                out.write(column.bytes(i));
                            }
                        }
                    }
                    else {
                        for (int i = 0; i < data.rows(); i++) {
                            out.writeLong(column.value(i));
                        }
                    }
                }
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException e) {
            throw new SimulatorException(ErrorCode.WORKSPACE_NOT_WRITABLE, "cannot write the simulator's column cache %s: %s".formatted(file, e.getMessage()), e);
        }
    }
}
