package io.autotable.advisor;

import io.autotable.advisor.whatif.TableWhatIf;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.simulator.layout.TableData;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** Proposes a table's sort key for the workload, asking the simulator's what-if before it answers. */
@FunctionalInterface
public interface SortKeyChooser
{
    /**
     * @param design the table's design with everything but the sort key decided
     * @return the sort key to recommend, or empty to keep the current one
     */
    Optional<Choice> choose(TableData data, TableDesign design, TableWhatIf whatIf);

    /**
     * @param style COMPOUND or INTERLEAVED (NONE to drop the sort key)
     * @param columns the key's columns, empty for NONE
     * @param reason why, in words
     */
    record Choice(SortStyle style, List<String> columns, String reason)
    {
        public Choice
        {
            requireNonNull(style, "style is null");
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
            requireNonNull(reason, "reason is null");
        }
    }
}
