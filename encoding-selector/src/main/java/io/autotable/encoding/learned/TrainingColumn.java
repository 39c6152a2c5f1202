package io.autotable.encoding.learned;

import io.autotable.catalog.ColumnType;
import io.autotable.encoding.Column;
import io.autotable.encoding.EncodingException;

import static java.util.Objects.requireNonNull;

/**
 * A column of the learned selector's corpus: a sample of values with where it came from.
 *
 * @param dataset the dataset it belongs to ({@code synthetic}, {@code tpch}, {@code tpcds},
 *        {@code ssb}, ...); evaluation holds whole datasets out
 * @param name the column within the dataset (for a benchmark, {@code table.column}, with
 *        {@code #n} for the n-th sample of a long column)
 * @param type the column's type
 * @param values the sample
 */
public record TrainingColumn(String dataset, String name, ColumnType type, Column values)
{
    public TrainingColumn
    {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(values, "values is null");
        if (dataset.isBlank()) {
            throw EncodingException.invalidInput("a training column needs a dataset name");
        }
    }
}
