package io.autotable.advisor.encoding;

import io.autotable.catalog.Column;
import io.autotable.catalog.Table;
import io.autotable.encoding.ColumnBuilder;
import io.autotable.encoding.Columns;
import io.autotable.encoding.EncodingException;
import io.autotable.encoding.learned.TrainingColumn;
import io.autotable.simulator.data.BenchmarkGenerator;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The columns of a generated benchmark (TPC-H, TPC-DS, SSB) as samples for training and
 * evaluating encoding selectors, generated directly in memory: no workspace, no warehouse. Each
 * table's first {@code maxRowsPerTable} rows, in the generator's order, are cut into samples of
 * {@code sampleRows} consecutive rows; a short last piece is kept only when it is a column's only
 * sample or at least half a sample.
 */
public final class BenchmarkColumns
{
    private BenchmarkColumns() {}

    public static List<TrainingColumn> generate(BenchmarkGenerator generator, double scale, int maxRowsPerTable, int sampleRows)
    {
        requireNonNull(generator, "generator is null");
        if (maxRowsPerTable < 1 || sampleRows < 1) {
            throw EncodingException.invalidInput("maxRowsPerTable and sampleRows must be >= 1, got %d and %d", maxRowsPerTable, sampleRows);
        }
        List<TrainingColumn> columns = new ArrayList<>();
        for (Table table : generator.schema()) {
            List<Column> schema = table.columns();
            int expected = (int) Math.min(maxRowsPerTable, generator.expectedRows(table.name(), scale));
            ColumnBuilder[] builders = new ColumnBuilder[schema.size()];
            for (int i = 0; i < builders.length; i++) {
                builders[i] = new ColumnBuilder(schema.get(i).type(), expected);
            }
            try {
                generator.generate(table.name(), scale, row -> {
                    for (int i = 0; i < builders.length; i++) {
                        builders[i].add(row[i]);
                    }
                    if (builders[0].size() == maxRowsPerTable) {
                        throw new Enough();
                    }
                });
            }
            catch (Enough enough) {
                // the table has more rows than we sample
            }
            for (int i = 0; i < builders.length; i++) {
                io.autotable.encoding.Column values = builders[i].build();
                int rows = values.size();
                for (int start = 0, piece = 0; start < rows; start += sampleRows, piece++) {
                    int end = Math.min(rows, start + sampleRows);
                    if (start > 0 && end - start < sampleRows / 2) {
                        break;
                    }
                    String name = table.name() + "." + schema.get(i).name() + (rows > sampleRows ? "#" + piece : "");
                    columns.add(new TrainingColumn(generator.name(), name, schema.get(i).type(), Columns.slice(values, start, end)));
                }
            }
        }
        return List.copyOf(columns);
    }

    /** Stops a generator once a table has the rows we want; carries no stack trace. */
    private static final class Enough
            extends RuntimeException
    {
        Enough()
        {
            super(null, null, false, false);
        }
    }
}
