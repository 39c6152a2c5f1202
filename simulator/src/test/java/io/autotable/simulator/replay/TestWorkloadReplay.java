package io.autotable.simulator.replay;

import io.autotable.catalog.Catalog;
import io.autotable.design.TableDesign;
import io.autotable.simulator.cluster.ClusterModel;
import io.autotable.simulator.cost.CostModel;
import io.autotable.simulator.layout.LayoutBuilder;
import io.autotable.simulator.layout.TableData;
import io.autotable.simulator.layout.TestingTables;
import io.autotable.workload.ColumnRef;
import io.autotable.workload.QueryShape;
import io.autotable.workload.StatementKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestWorkloadReplay
{
    private static final ClusterModel CLUSTER = ClusterModel.defaultModel();
    private static final TableData DATA = TestingTables.random("t", 50_000, 31);
    private static final QueryShape SCAN = new QueryShape(StatementKind.SELECT, List.of("t"), List.of(), List.of(ColumnRef.parse("t.amount")),
            List.of(), List.of(), List.of(), List.of(), List.of(), false, List.of());
    private static final CostModel MODEL = new CostModel(CLUSTER, new Catalog(List.of(DATA.table())), Map.of("t", new LayoutBuilder(CLUSTER).build(DATA, TableDesign.initial())));

    @Test
    void queueWaitsMatchANaiveFirstComeFirstServedQueue()
    {
        double service = MODEL.cost(SCAN).seconds();
        SplittableRandom random = new SplittableRandom(32);
        List<ReplayEvent> events = new ArrayList<>();
        Instant start = Instant.parse("2026-01-05T09:00:00Z");
        for (int i = 0; i < 500; i++) {
            // arrivals about as fast as two slots serve them: queues build up and drain
            events.add(new ReplayEvent(start.plusNanos((long) (i * service / 2.2 * 1e9) + random.nextLong(1_000)), "f", "u"));
        }
        WlmConfig wlm = new WlmConfig(List.of(new WlmConfig.Queue("q", 2, java.util.Set.of())), 0);
        ReplayResult result = new WorkloadReplay(wlm).replay(events, Map.of("f", SCAN), Map.of(), List.of(new WorkloadReplay.Candidate("d", MODEL)));

        // naive: two servers, each query takes the server that frees first
        PriorityQueue<Double> free = new PriorityQueue<>(List.of(0.0, 0.0));
        double[] waits = new double[events.size()];
        for (int i = 0; i < events.size(); i++) {
            double arrival = (events.get(i).start().toEpochMilli() - start.toEpochMilli()) / 1e3 + (events.get(i).start().getNano() % 1_000_000) / 1e9;
            double begin = Math.max(arrival, free.poll());
            free.add(begin + service);
            waits[i] = begin - arrival;
        }
        java.util.Arrays.sort(waits);
        ReplayResult.DesignTotals totals = result.designs().get(0);
        assertThat(totals.runs()).isEqualTo(500);
        assertThat(totals.totalSeconds()).isCloseTo(500 * service, within(1e-9));
        assertThat(totals.queueWait().max()).isCloseTo(waits[waits.length - 1], within(1e-6));
        assertThat(totals.queueWait().p90()).isCloseTo(waits[(int) Math.ceil(0.9 * waits.length) - 1], within(1e-6));
        assertThat(totals.queueWait().max()).isPositive();
        assertThat(totals.latency().p50()).isGreaterThanOrEqualTo(service);
    }

    @Test
    void concurrencyScalingTakesReadsThatWouldWait()
    {
        List<ReplayEvent> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            burst.add(new ReplayEvent(Instant.parse("2026-01-05T09:00:00Z"), "f", "u"));
        }
        WlmConfig.Queue queue = new WlmConfig.Queue("q", 2, java.util.Set.of());
        ReplayResult.DesignTotals without = new WorkloadReplay(new WlmConfig(List.of(queue), 0))
                .replay(burst, Map.of("f", SCAN), Map.of(), List.of(new WorkloadReplay.Candidate("d", MODEL))).designs().get(0);
        ReplayResult.DesignTotals with = new WorkloadReplay(new WlmConfig(List.of(queue), 3))
                .replay(burst, Map.of("f", SCAN), Map.of(), List.of(new WorkloadReplay.Candidate("d", MODEL))).designs().get(0);
        // 8 slots in all, the main cluster's 2 first when they free at the same time: rounds of 2 + 6, 2 + 6, 2 + 2
        assertThat(with.scaled()).isEqualTo(14);
        assertThat(with.queueWait().max()).isLessThan(without.queueWait().max() / 3);
        assertThat(with.totalSeconds()).isCloseTo(without.totalSeconds(), within(1e-9));
    }

    @Test
    void runsOfStatementsWithoutAShapeAreCountedNotSimulated()
    {
        List<ReplayEvent> events = List.of(new ReplayEvent(Instant.EPOCH, "f", "u"), new ReplayEvent(Instant.EPOCH, "unparsed", "u"));
        ReplayResult result = new WorkloadReplay(WlmConfig.defaultConfig()).replay(events, Map.of("f", SCAN), Map.of(), List.of(new WorkloadReplay.Candidate("d", MODEL)));
        assertThat(result.notSimulated()).containsExactly(Map.entry("unparsed", 1L));
        assertThat(result.queries()).extracting(ReplayResult.QueryTotals::fingerprint).containsExactly("f");
    }
}
