package io.autotable.advisor.whatif;

import io.autotable.design.TableDesign;

import static java.util.Objects.requireNonNull;

/**
 * What the workload would cost if one table had another design, every other table as it is: the
 * simulator's what-if, asked by the advisors that propose a table's design (sort keys, encodings,
 * distribution) before they recommend anything.
 */
@FunctionalInterface
public interface TableWhatIf
{
    /**
     * The simulated cost of the workload's statements that read or write the table, every run of
     * them, with the table laid out under {@code design}.
     */
    Cost evaluate(TableDesign design);

    /**
     * @param seconds simulated seconds of all runs of the statements that touch the table
     * @param bytesScanned bytes those runs scan (every table they read)
     * @param bytesMoved bytes those runs move between slices
     */
    record Cost(double seconds, double bytesScanned, double bytesMoved)
    {
        public Cost
        {
            check(seconds, "seconds");
            check(bytesScanned, "bytesScanned");
            check(bytesMoved, "bytesMoved");
        }

        private static void check(double value, String name)
        {
            requireNonNull(name, "name is null");
            if (!(value >= 0) || !Double.isFinite(value)) {
                throw new IllegalArgumentException("%s must be finite and >= 0, got %s".formatted(name, value));
            }
        }
    }
}
