package io.autotable.advisor.wlm;

import io.autotable.advisor.AdvisorException;
import io.autotable.advisor.wlm.learned.RuntimeModelTraining;
import io.autotable.catalog.Catalog;
import io.autotable.design.PhysicalDesign;
import io.autotable.simulator.wlm.LoggedRun;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TestRuntimeModelTraining
{
    private static final List<LoggedRun> LOG = TestingWlmLogs.bursty(4, 300, 3);
    private static final RuntimeModelTraining.Config CONFIG = new RuntimeModelTraining.Config(5, 10, 8, Optional.empty(), 0.3, 5);

    @Test
    void scoresOnlyRunsLaterThanEveryTrainingRun()
    {
        RuntimeModelTraining.Trained trained = RuntimeModelTraining.train(LOG, Catalog.empty(), PhysicalDesign.empty(), CONFIG, "w");
        int split = trained.split();
        assertThat(trained.card().trainingRuns()).isEqualTo(split);
        assertThat(trained.card().heldOutRuns()).isEqualTo(LOG.size() - split);
        assertThat(trained.card().heldOut().runs()).isEqualTo(LOG.size() - split);
        for (int i = 0; i < split; i++) {
            assertThat(LOG.get(i).start()).isBefore(trained.card().trainedUntil());
        }
        for (int i = split; i < LOG.size(); i++) {
            assertThat(LOG.get(i).start()).isAfterOrEqualTo(trained.card().trainedUntil());
        }
        // the held-out window is the last 30% of the log's time span
        double span = LOG.get(LOG.size() - 1).start().getEpochSecond() - LOG.get(0).start().getEpochSecond();
        assertThat(trained.card().trainedUntil().getEpochSecond() - LOG.get(0).start().getEpochSecond()).isCloseTo((long) (0.7 * span), within(3_600L * 24));
    }

    @Test
    void theModelAndItsPredictionsDoNotDependOnTheHeldOutRuntimes()
    {
        RuntimeModelTraining.Trained trained = RuntimeModelTraining.train(LOG, Catalog.empty(), PhysicalDesign.empty(), CONFIG, "w");
        int split = trained.split();
        List<LoggedRun> altered = new ArrayList<>(LOG.subList(0, split));
        for (LoggedRun run : LOG.subList(split, LOG.size())) {
            altered.add(new LoggedRun(run.start(), run.fingerprint(), run.user(), run.seconds() * 7, run.shape(), run.queryGroup()));
        }
        RuntimeModelTraining.Trained again = RuntimeModelTraining.train(altered, Catalog.empty(), PhysicalDesign.empty(),
                new RuntimeModelTraining.Config(5, 10, 8, Optional.of(trained.card().trainedUntil()), 0.3, 5), "w");
        double[] first = trained.model().predictor(Catalog.empty(), PhysicalDesign.empty()).predict(LOG);
        double[] second = again.model().predictor(Catalog.empty(), PhysicalDesign.empty()).predict(altered);
        // a held-out run's prediction may use earlier held-out runs that had ended, never its own runtime:
        // the first held-out run of each statement that had no ended held-out run before it is predicted the same
        for (int i = 0; i < split; i++) {
            assertThat(second[i]).as("training run %d", i).isEqualTo(first[i]);
        }
        assertThat(second[split]).isEqualTo(first[split]);
    }

    @Test
    void learnsRuntimesWellEnoughToTellShortFromLong()
    {
        RuntimeModelTraining.Trained trained = RuntimeModelTraining.train(LOG, Catalog.empty(), PhysicalDesign.empty(), CONFIG, "w");
        PredictionErrors heldOut = trained.card().heldOut();
        // runtimes are a statement's base times exp(0.3 N(0,1)): about 20% median relative error is the noise floor
        assertThat(heldOut.relativeP50()).isLessThan(0.4);
        assertThat(heldOut.shortLongAccuracy()).isGreaterThan(0.85);
        assertThat(trained.card().historyBaseline().runs()).isEqualTo(heldOut.runs());
    }

    @Test
    void refusesASplitThatLeavesNothingToHoldOut()
    {
        assertThatThrownBy(() -> RuntimeModelTraining.split(LOG, new RuntimeModelTraining.Config(5, 10, 8, Optional.of(Instant.parse("2030-01-01T00:00:00Z")), 0.3, 5)))
                .isInstanceOf(AdvisorException.class)
                .hasMessageContaining("nothing to hold out");
        assertThatThrownBy(() -> new RuntimeModelTraining.Config(5, 10, 8, Optional.empty(), 1.5, 5))
                .hasMessageContaining("--holdout-fraction must be strictly between 0 and 1");
    }
}
