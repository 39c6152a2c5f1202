package io.autotable.advisor.wlm;

import io.autotable.advisor.wlm.local.CoordinateDescentWlmSearch;
import io.autotable.simulator.wlm.LoggedRun;
import io.autotable.simulator.wlm.WlmConfiguration;
import io.autotable.simulator.wlm.WlmConfigurationFile;
import io.autotable.simulator.wlm.WlmOutcome;
import io.autotable.simulator.wlm.WlmRun;
import io.autotable.simulator.wlm.WlmRuns;
import io.autotable.simulator.wlm.WlmSimulation;
import io.autotable.simulator.wlm.event.EventWlmSimulation;
import io.autotable.simulator.wlm.history.HistoryRuntimePredictor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestCoordinateDescentWlmSearch
{
    private static final WlmSimulation SIMULATION = new EventWlmSimulation();
    private static final WlmSimulation.Settings SETTINGS = WlmSimulation.Settings.defaults();
    private static final WlmConfiguration TWO_QUEUES = WlmConfigurationFile.parse("""
            {"queues": [{"name": "reports", "slots": 2, "userGroups": ["report"]}, {"name": "default", "slots": 3}]}""", "two-queues");
    private static final List<WlmRun> RUNS = runs();

    private static List<WlmRun> runs()
    {
        List<LoggedRun> log = TestingWlmLogs.bursty(2, 1000, 7);
        // routing by predicted runtimes, as a WLM would know them: from the statement's ended runs only
        return WlmRuns.of(log, new HistoryRuntimePredictor().predict(log), log.size() / 2);
    }

    @Test
    void beatsTheDefaultQueueAndAHandMadeTwoQueueConfigurationOnShortP95AndThroughput()
    {
        WlmObjective objective = WlmObjective.defaults();
        WlmSearch.Result result = new CoordinateDescentWlmSearch(SIMULATION, SETTINGS).search(WlmConfiguration.defaultConfiguration(), RUNS, objective);
        WlmOutcome single = SIMULATION.simulate(WlmConfiguration.defaultConfiguration(), RUNS, SETTINGS);
        WlmOutcome twoQueues = SIMULATION.simulate(TWO_QUEUES, RUNS, SETTINGS);
        WlmOutcome recommended = result.outcome();
        assertThat(recommended).isEqualTo(SIMULATION.simulate(result.recommended(), RUNS, SETTINGS));
        assertThat(recommended.shortLatencySeconds().p95()).isLessThan(single.shortLatencySeconds().p95()).isLessThan(twoQueues.shortLatencySeconds().p95());
        assertThat(recommended.busyThroughputPerHour()).isGreaterThan(single.busyThroughputPerHour()).isGreaterThan(twoQueues.busyThroughputPerHour());
        assertThat(recommended.throughputPerHour()).isGreaterThanOrEqualTo(single.throughputPerHour()).isGreaterThanOrEqualTo(twoQueues.throughputPerHour());
        assertThat(recommended.scalingSeconds()).isLessThanOrEqualTo(objective.scalingBudgetSeconds());
    }

    @Test
    void keepsWithinTheScalingBudgetAndNeverReturnsWorseThanItsStart()
    {
        WlmObjective noScaling = new WlmObjective(WlmObjective.Goal.SHORT_P95, 0);
        WlmSearch.Result result = new CoordinateDescentWlmSearch(SIMULATION, SETTINGS).search(TWO_QUEUES, RUNS, noScaling);
        assertThat(result.outcome().scalingSeconds()).isZero();
        WlmOutcome start = SIMULATION.simulate(TWO_QUEUES, RUNS, SETTINGS);
        assertThat(noScaling.compare(result.outcome(), start, start)).isLessThanOrEqualTo(0);
        assertThat(result.outcome().busyThroughputPerHour()).isGreaterThanOrEqualTo(start.busyThroughputPerHour());
        // the routing of the start is kept
        assertThat(result.recommended().queues()).extracting(WlmConfiguration.Queue::userGroups).containsExactly(List.of("report"), List.of());
        assertThat(result.evaluated()).isGreaterThan(10);
    }
}
