package io.autotable.advisor.sortkey;

import io.autotable.advisor.SortKeyChooser;
import io.autotable.advisor.whatif.TableWhatIf;
import io.autotable.design.TableDesign;
import io.autotable.simulator.layout.TableData;
import io.autotable.workload.Workload;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The {@link SortKeyChooser} the design advisor asks: {@link SortKeyAdvisor}'s recommendation for
 * the table, from its part of the workload, when it changes the key.
 */
public final class AdvisedSortKeyChooser
        implements SortKeyChooser
{
    private final SortKeyAdvisor advisor;
    private final Workload workload;

    public AdvisedSortKeyChooser(SortKeyAdvisor advisor, Workload workload)
    {
        this.advisor = requireNonNull(advisor, "advisor is null");
        this.workload = requireNonNull(workload, "workload is null");
    }

    @Override
    public Optional<Choice> choose(TableData data, TableDesign design, TableWhatIf whatIf)
    {
        SortKeyAdvice advice = advisor.advise(TableWorkload.of(data.table().name(), workload), data, design, whatIf);
        if (!advice.changes()) {
            return Optional.empty();
        }
        return Optional.of(new Choice(advice.recommended().style(), advice.recommended().columns(), advice.reason()));
    }
}
