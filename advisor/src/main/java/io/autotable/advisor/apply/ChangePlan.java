package io.autotable.advisor.apply;

import io.autotable.advisor.AdvisorException;
import io.autotable.catalog.Identifiers;
import io.autotable.design.TableDesign;
import io.autotable.error.ErrorCode;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * One change of one table's physical design, as it is journaled before anything is done.
 *
 * @param changeId {@code C1}, {@code C2}, ...: numbered in the journal's order, see {@link ChangeLog#nextChangeId()}
 * @param from the design the table has before the change
 * @param to the design it has after
 * @param recommendationIds the recommendations the change carries out, empty for a rollback
 * @param reason why, for a person reading the journal
 * @param predictedBenefitPercent the workload cost the advisor expects the change to save, 0 when it has no prediction
 * @param rollsBack the change this one undoes, present exactly when the origin is {@link ChangeOrigin#ROLLBACK}
 */
public record ChangePlan(
        String changeId,
        String table,
        TableDesign from,
        TableDesign to,
        ChangeOrigin origin,
        List<String> recommendationIds,
        String reason,
        double predictedBenefitPercent,
        Optional<String> rollsBack)
{
    private static final Pattern CHANGE_ID = Pattern.compile("C[1-9][0-9]*");

    public ChangePlan
    {
        requireNonNull(changeId, "changeId is null");
        checkChangeId(changeId, "changeId");
        table = Identifiers.normalize(table, "table");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(origin, "origin is null");
        recommendationIds = List.copyOf(requireNonNull(recommendationIds, "recommendationIds is null"));
        requireNonNull(reason, "reason is null");
        requireNonNull(rollsBack, "rollsBack is null");
        rollsBack.ifPresent(id -> checkChangeId(id, "rollsBack"));
        if (!Double.isFinite(predictedBenefitPercent)) {
            throw invalid("predictedBenefitPercent must be finite, got " + predictedBenefitPercent);
        }
        if ((origin == ChangeOrigin.ROLLBACK) != rollsBack.isPresent()) {
            throw invalid("a plan rolls back an earlier change exactly when its origin is rollback (origin %s, rollsBack %s)"
                    .formatted(origin, rollsBack.orElse("none")));
        }
    }

    /**
     * A plan numbered after the highest change in the journal.
     *
     * @param origin {@link ChangeOrigin#APPLY} or {@link ChangeOrigin#DAEMON}; rollbacks come from {@link ChangeLog#rollbackPlan(String)}
     */
    public static ChangePlan next(ChangeLog log, String table, TableDesign from, TableDesign to, ChangeOrigin origin,
            List<String> recommendationIds, String reason, double predictedBenefitPercent)
    {
        requireNonNull(log, "log is null");
        if (origin == ChangeOrigin.ROLLBACK) {
            throw invalid("make a rollback plan with ChangeLog.rollbackPlan, which knows the change it undoes");
        }
        return new ChangePlan(log.nextChangeId(), table, from, to, origin, recommendationIds, reason, predictedBenefitPercent, Optional.empty());
    }

    /** The number in the change id: 3 for {@code C3}. */
    public static long number(String changeId)
    {
        checkChangeId(changeId, "changeId");
        return Long.parseLong(changeId.substring(1));
    }

    private static void checkChangeId(String changeId, String field)
    {
        if (!CHANGE_ID.matcher(changeId).matches()) {
            throw invalid("%s must be C followed by a number (C1, C2, ...), got '%s'".formatted(field, changeId));
        }
    }

    private static AdvisorException invalid(String message)
    {
        return new AdvisorException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
