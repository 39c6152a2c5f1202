package io.autotable.simulator.data;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every {@link BenchmarkGenerator} keeps, checked on one generation of every table at
 * the generator's smallest scale (shared by the tests of a class, as TPC-DS takes seconds).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractTestBenchmarkGenerator
{
    private static final int MAX_REPORTED_VIOLATIONS = 20;
    private static final int DETERMINISM_ROWS = 2_000;

    private Generated generated;

    protected abstract BenchmarkGenerator generator();

    /** The table whose first rows the determinism test compares: a large one. */
    protected abstract String largestTable();

    /** Columns whose distinct values the shared generation collects, for subclasses' checks. */
    protected Set<String> distinctColumns()
    {
        return Set.of();
    }

    /** A subclass's check of one row; returns a description of what is wrong, or null. */
    protected String checkRow(Table table, Object[] row)
    {
        return null;
    }

    /** Every table generated once at the smallest scale: row counts, distinct values and violations. */
    protected record Generated(Map<String, Long> rows, Map<String, Set<Object>> distinct, List<String> violations) {}

    protected final Generated generated()
    {
        if (generated == null) {
            generated = generateAll();
        }
        return generated;
    }

    @AfterEach
    public void clearInterrupt()
    {
        Thread.interrupted();
    }

    @Test
    public void everyValueMatchesItsDeclaredType()
    {
        assertThat(generated().violations()).isEmpty();
    }

    @Test
    public void expectedRowsEqualsGeneratedRows()
    {
        Map<String, Long> expected = new LinkedHashMap<>();
        for (Table table : generator().schema()) {
            expected.put(table.name(), generator().expectedRows(table.name(), generator().minScale()));
        }
        assertThat(generated().rows()).isEqualTo(expected);
    }

    @Test
    public void namesAreLowerCase()
    {
        for (Table table : generator().schema()) {
            assertThat(table.name()).isLowerCase();
            assertThat(table.columnNames()).allSatisfy(name -> assertThat(name).isLowerCase());
        }
    }

    @Test
    public void twoRunsGiveEqualRows()
    {
        assertThat(firstRows(largestTable(), DETERMINISM_ROWS)).isEqualTo(firstRows(largestTable(), DETERMINISM_ROWS));
    }

    @Test
    public void interruptionStopsGeneration()
    {
        long[] rows = new long[1];
        assertThatThrownBy(() -> generator().generate(largestTable(), generator().minScale(), row -> {
            rows[0]++;
            if (rows[0] == 10) {
                Thread.currentThread().interrupt();
            }
        }))
                .isInstanceOfSatisfying(SimulatorException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INTERRUPTED))
                .hasMessageContaining(largestTable());
        assertThat(rows[0]).isLessThanOrEqualTo(GeneratorChecks.INTERRUPT_CHECK_ROWS);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    public void rejectsScaleOutOfRange()
    {
        BenchmarkGenerator generator = generator();
        for (double scale : new double[] {generator.minScale() / 2, generator.maxScale() * 2, 0, -1, Double.NaN}) {
            assertThatThrownBy(() -> generator.generate(largestTable(), scale, row -> {}))
                    .isInstanceOfSatisfying(SimulatorException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_SCALE))
                    .hasMessageContaining(String.valueOf(scale));
            assertThatThrownBy(() -> generator.expectedRows(largestTable(), scale))
                    .isInstanceOfSatisfying(SimulatorException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_SCALE));
        }
    }

    @Test
    public void rejectsUnknownTable()
    {
        assertThatThrownBy(() -> generator().generate("no_such_table", generator().minScale(), row -> {}))
                .isInstanceOfSatisfying(SimulatorException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNKNOWN_TABLE))
                .hasMessageContaining("no_such_table")
                .hasMessageContaining(largestTable());
    }

    protected final List<List<Object>> firstRows(String table, int count)
    {
        List<List<Object>> rows = new ArrayList<>();
        try {
            generator().generate(table, generator().minScale(), row -> {
                rows.add(Arrays.asList(row));
                if (rows.size() == count) {
                    throw new StopGeneration();
                }
            });
        }
        catch (StopGeneration expected) {
            // enough rows
        }
        return rows;
    }

    private Generated generateAll()
    {
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Set<Object>> distinct = new HashMap<>();
        List<String> violations = new ArrayList<>();
        for (Table table : generator().schema()) {
            List<Column> columns = table.columns();
            int[] collected = new int[columns.size()];
            List<Set<Object>> sets = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                collected[i] = -1;
                if (distinctColumns().contains(columns.get(i).name())) {
                    Set<Object> set = new HashSet<>();
                    distinct.put(columns.get(i).name(), set);
                    collected[i] = sets.size();
                    sets.add(set);
                }
            }
            long[] count = new long[1];
            generator().generate(table.name(), generator().minScale(), row -> {
                count[0]++;
                if (violations.size() >= MAX_REPORTED_VIOLATIONS) {
                    return;
                }
                if (row.length != columns.size()) {
                    violations.add("%s row %d has %d values for %d columns".formatted(table.name(), count[0], row.length, columns.size()));
                    return;
                }
                for (int i = 0; i < row.length; i++) {
                    String problem = typeViolation(columns.get(i), row[i]);
                    if (problem != null) {
                        violations.add("%s.%s row %d: %s".formatted(table.name(), columns.get(i).name(), count[0], problem));
                    }
                    if (collected[i] >= 0) {
                        sets.get(collected[i]).add(row[i]);
                    }
                }
                String problem = checkRow(table, row);
                if (problem != null) {
                    violations.add("%s row %d: %s".formatted(table.name(), count[0], problem));
                }
            });
            rows.put(table.name(), count[0]);
        }
        return new Generated(Map.copyOf(rows), Map.copyOf(distinct), List.copyOf(violations));
    }

    private static String typeViolation(Column column, Object value)
    {
        ColumnType type = column.type();
        if (value == null) {
            return column.nullable() ? null : "null in a NOT NULL column";
        }
        return switch (type.kind()) {
            case SMALLINT, INTEGER, BIGINT -> {
                if (!(value instanceof Long number)) {
                    yield "%s is a %s, not a Long".formatted(value, value.getClass().getSimpleName());
                }
                long limit = type.kind() == ColumnType.Kind.SMALLINT ? Short.MAX_VALUE : type.kind() == ColumnType.Kind.INTEGER ? Integer.MAX_VALUE : Long.MAX_VALUE;
                yield Math.abs(number) > limit ? "%d is out of range for %s".formatted(number, type) : null;
            }
            case DECIMAL -> {
                if (!(value instanceof BigDecimal decimal)) {
                    yield "%s is a %s, not a BigDecimal".formatted(value, value.getClass().getSimpleName());
                }
                if (decimal.scale() != type.scale()) {
                    yield "%s has scale %d, not %d".formatted(decimal, decimal.scale(), type.scale());
                }
                yield decimal.precision() > type.precision() ? "%s does not fit %s".formatted(decimal, type) : null;
            }
            case CHAR, VARCHAR -> {
                if (!(value instanceof String text)) {
                    yield "%s is a %s, not a String".formatted(value, value.getClass().getSimpleName());
                }
                yield text.length() > type.length() ? "'%s' is longer than %s".formatted(text, type) : null;
            }
            case DATE -> value instanceof LocalDate ? null : "%s is a %s, not a LocalDate".formatted(value, value.getClass().getSimpleName());
            default -> "%s is not a type a generator produces".formatted(type);
        };
    }

    private static final class StopGeneration
            extends RuntimeException
    {
        StopGeneration()
        {
            super(null, null, false, false);
        }
    }
}
