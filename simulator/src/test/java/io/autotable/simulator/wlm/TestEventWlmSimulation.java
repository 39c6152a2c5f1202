package io.autotable.simulator.wlm;

import io.autotable.simulator.wlm.event.EventWlmSimulation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestEventWlmSimulation
{
    private static final WlmSimulation SIMULATION = new EventWlmSimulation();

    @Test
    void matchesANaiveStepByStepSimulationOnSeededRandomWorkloads()
    {
        SplittableRandom random = new SplittableRandom(20260105);
        for (int trial = 0; trial < 60; trial++) {
            WlmConfiguration configuration = randomConfiguration(random);
            List<WlmRun> runs = randomRuns(random, 20 + random.nextInt(150));
            WlmSimulation.Settings settings = new WlmSimulation.Settings(1 + random.nextInt(8), 1 + random.nextInt(10));
            WlmOutcome fast = SIMULATION.simulate(configuration, runs, settings);
            WlmOutcome naive = new TestingNaiveWlmSimulation().simulate(configuration, runs, settings);
            assertSame(fast, naive, "trial %d, %s".formatted(trial, configuration.describe()));
        }
    }

    @Test
    void sharesTheClusterBeyondItsParallelism()
    {
        WlmConfiguration configuration = single(4);
        List<WlmRun> runs = List.of(run(0, 10, 10, "u"), run(0, 10, 10, "u"));
        // one query at full speed: two at once each take twice as long
        WlmOutcome outcome = SIMULATION.simulate(configuration, runs, new WlmSimulation.Settings(1, 5));
        assertThat(outcome.latencySeconds().max()).isCloseTo(20, within(1e-9));
        assertThat(outcome.waitSeconds().max()).isZero();
        assertThat(outcome.makespanSeconds()).isCloseTo(20, within(1e-9));
    }

    @Test
    void routesToTheShortQueryLaneByPredictedRuntimeNotTrueRuntime()
    {
        WlmConfiguration configuration = single(1).withShortQueryAcceleration(new WlmConfiguration.ShortQueryAcceleration(true, 5, 2));
        // predicted short but long: starts in SQA, is moved out at the cutoff and starts over in its queue
        // predicted long but short: waits in the queue
        List<WlmRun> runs = List.of(run(0, 100, 100, "u"), run(1, 50, 2, "u"), run(2, 1, 30, "u"));
        WlmOutcome outcome = SIMULATION.simulate(configuration, runs, new WlmSimulation.Settings(8, 10));
        assertThat(outcome.sqaRuns()).isEqualTo(1);
        assertThat(outcome.sqaMovedOut()).isEqualTo(1);
        assertThat(outcome.queues()).extracting(WlmOutcome.QueueOutcome::name).containsExactly("default", "sqa");
        assertThat(outcome.queues().get(1).runs()).isZero();
        // the 1 s run predicted at 30 s entered the queue at 2, before the moved-out run entered it at 6
        assertThat(outcome.latencySeconds().max()).isCloseTo(100 + 1 + 50 - 1, within(1e-9));
    }

    @Test
    void givesTheShortQueryLanePriorityOnTheMainCluster()
    {
        WlmConfiguration configuration = single(2).withShortQueryAcceleration(new WlmConfiguration.ShortQueryAcceleration(true, 5, 2));
        List<WlmRun> runs = List.of(run(0, 100, 100, "u"), run(10, 2, 2, "u"));
        // one query at full speed: the short one takes the cluster for its 2 s, the long one waits that long on top of its 100 s
        WlmOutcome outcome = SIMULATION.simulate(configuration, runs, new WlmSimulation.Settings(1, 5));
        assertThat(outcome.shortLatencySeconds().max()).isCloseTo(2, within(1e-9));
        assertThat(outcome.makespanSeconds()).isCloseTo(102, within(1e-9));
        // without SQA they share the cluster: the short one takes twice as long
        WlmOutcome shared = SIMULATION.simulate(single(2), runs, new WlmSimulation.Settings(1, 5));
        assertThat(shared.shortLatencySeconds().max()).isCloseTo(4, within(1e-9));
    }

    @Test
    void abortsRunsPastTheirQueueTimeout()
    {
        WlmConfiguration configuration = new WlmConfiguration(List.of(new WlmConfiguration.Queue("default", 2, 0, List.of(), List.of(), Optional.empty(), 30, false)),
                null, null);
        List<WlmRun> runs = List.of(run(0, 100, 100, "u"), run(0, 10, 10, "u"));
        WlmOutcome outcome = SIMULATION.simulate(configuration, runs, new WlmSimulation.Settings(8, 10));
        assertThat(outcome.aborted()).isEqualTo(1);
        assertThat(outcome.completed()).isEqualTo(1);
        assertThat(outcome.makespanSeconds()).isCloseTo(30, within(1e-9));
    }

    @Test
    void sendsQueuedReadOnlyRunsToScalingClustersAndCountsTheirSeconds()
    {
        WlmConfiguration configuration = new WlmConfiguration(List.of(WlmConfiguration.Queue.defaultQueue("default", 1).withConcurrencyScaling(true)),
                null, new WlmConfiguration.ConcurrencyScaling(1, 5));
        List<WlmRun> runs = List.of(run(0, 100, 100, "u"), run(0, 20, 20, "u"),
                new WlmRun(0, 20, 20, "u", Optional.empty(), false));
        WlmOutcome outcome = SIMULATION.simulate(configuration, runs, new WlmSimulation.Settings(8, 10));
        // the read-only one waits 5 s, then runs 20 s on a scaling cluster; the write waits for the main cluster
        assertThat(outcome.scaledRuns()).isEqualTo(1);
        assertThat(outcome.scalingSeconds()).isCloseTo(20, within(1e-9));
        assertThat(outcome.makespanSeconds()).isCloseTo(120, within(1e-9));
    }

    private static void assertSame(WlmOutcome fast, WlmOutcome naive, String description)
    {
        assertThat(fast.runs()).as(description).isEqualTo(naive.runs());
        assertThat(fast.completed()).as(description).isEqualTo(naive.completed());
        assertThat(fast.aborted()).as(description).isEqualTo(naive.aborted());
        assertThat(fast.sqaRuns()).as(description).isEqualTo(naive.sqaRuns());
        assertThat(fast.sqaMovedOut()).as(description).isEqualTo(naive.sqaMovedOut());
        assertThat(fast.scaledRuns()).as(description).isEqualTo(naive.scaledRuns());
        assertThat(fast.makespanSeconds()).as(description).isCloseTo(naive.makespanSeconds(), within(1e-6));
        assertThat(fast.scalingSeconds()).as(description).isCloseTo(naive.scalingSeconds(), within(1e-6));
        assertThat(fast.busySeconds()).as(description).isCloseTo(naive.busySeconds(), within(1e-6));
        assertClose(fast.waitSeconds(), naive.waitSeconds(), description);
        assertClose(fast.latencySeconds(), naive.latencySeconds(), description);
        assertClose(fast.shortLatencySeconds(), naive.shortLatencySeconds(), description);
        assertThat(fast.queues()).hasSameSizeAs(naive.queues());
        for (int i = 0; i < fast.queues().size(); i++) {
            assertThat(fast.queues().get(i).runs()).as(description).isEqualTo(naive.queues().get(i).runs());
            assertClose(fast.queues().get(i).latencySeconds(), naive.queues().get(i).latencySeconds(), description);
        }
    }

    private static void assertClose(WlmOutcome.Percentiles actual, WlmOutcome.Percentiles expected, String description)
    {
        assertThat(actual.p50()).as(description).isCloseTo(expected.p50(), within(1e-6));
        assertThat(actual.p95()).as(description).isCloseTo(expected.p95(), within(1e-6));
        assertThat(actual.p99()).as(description).isCloseTo(expected.p99(), within(1e-6));
        assertThat(actual.max()).as(description).isCloseTo(expected.max(), within(1e-6));
    }

    private static WlmConfiguration randomConfiguration(SplittableRandom random)
    {
        int queues = 1 + random.nextInt(3);
        List<WlmConfiguration.Queue> list = new ArrayList<>();
        for (int q = 0; q < queues; q++) {
            boolean last = q == queues - 1;
            List<String> users = last ? List.of() : List.of("u" + q);
            Optional<WlmConfiguration.RuntimeRange> range = !last && random.nextInt(3) == 0 ? Optional.of(new WlmConfiguration.RuntimeRange(0, 1 + random.nextInt(30))) : Optional.empty();
            double timeout = random.nextInt(4) == 0 ? 20 + random.nextInt(100) : 0;
            list.add(new WlmConfiguration.Queue("q" + q, 1 + random.nextInt(6), 0, users, List.of(), range, timeout, random.nextBoolean()));
        }
        WlmConfiguration.ShortQueryAcceleration sqa = random.nextBoolean()
                ? new WlmConfiguration.ShortQueryAcceleration(true, 1 + random.nextInt(20), 1 + random.nextInt(15))
                : WlmConfiguration.ShortQueryAcceleration.disabled();
        WlmConfiguration.ConcurrencyScaling scaling = random.nextBoolean()
                ? new WlmConfiguration.ConcurrencyScaling(1 + random.nextInt(3), random.nextInt(3) * 5)
                : WlmConfiguration.ConcurrencyScaling.off();
        return new WlmConfiguration(list, sqa, scaling);
    }

    private static List<WlmRun> randomRuns(SplittableRandom random, int count)
    {
        List<WlmRun> runs = new ArrayList<>();
        double clock = 0;
        for (int i = 0; i < count; i++) {
            // bursts: often several at the same instant
            if (random.nextInt(3) > 0) {
                clock += random.nextInt(4) == 0 ? random.nextDouble() * 120 : random.nextDouble() * 3;
            }
            double seconds = random.nextBoolean() ? 0.2 + random.nextDouble() * 5 : 20 + random.nextDouble() * 200;
            double predicted = Math.max(0, seconds * Math.exp((random.nextDouble() - 0.5) * 2));
            runs.add(new WlmRun(clock, seconds, predicted, "u" + random.nextInt(4), Optional.empty(), random.nextInt(10) > 0));
        }
        return runs;
    }

    private static WlmConfiguration single(int slots)
    {
        return new WlmConfiguration(List.of(WlmConfiguration.Queue.defaultQueue("default", slots)), null, null);
    }

    private static WlmRun run(double arrival, double seconds, double predicted, String user)
    {
        return new WlmRun(arrival, seconds, predicted, user, Optional.empty(), true);
    }
}
