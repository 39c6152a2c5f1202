package io.autotable.simulator.workload.tpch;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.workload.DriftScenario;
import io.autotable.simulator.workload.DriftStatements;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * TPC-H's drift statements: lineitem with partsupp on (partkey, suppkey) and customer with
 * supplier on nationkey ({@code new-join-path}); lineitem filtered on its receipt and commit dates
 * instead of its ship date, and orders on priority and price ({@code filter-shift}); updates and
 * inserts on partsupp ({@code heavy-writes}). Dates fall in 1993 .. 1998.
 */
public final class TpchDrift
        implements DriftStatements
{
    private static final LocalDate DRIFT_FIRST = LocalDate.of(1993, 1, 1);
    private static final int DRIFT_MONTHS = 60;
    private static final String[] SEGMENTS = {"AUTOMOBILE", "BUILDING", "FURNITURE", "HOUSEHOLD", "MACHINERY"};
    private static final String[] PRIORITIES = {"1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECIFIED", "5-LOW"};

    @Override
    public List<DriftScenario> scenarios()
    {
        return List.of(DriftScenario.NONE, DriftScenario.NEW_JOIN_PATH, DriftScenario.FILTER_SHIFT, DriftScenario.HEAVY_WRITES);
    }

    @Override
    public String statement(DriftScenario scenario, SplittableRandom random)
    {
        LocalDate from = DRIFT_FIRST.plusMonths(random.nextInt(DRIFT_MONTHS));
        LocalDate to = from.plusMonths(random.nextInt(1, 4));
        return switch (scenario) {
            case NEW_JOIN_PATH -> random.nextBoolean()
                    ? """
                    SELECT ps_partkey, sum(l_quantity) AS shipped, min(ps_supplycost) AS cost
                    FROM lineitem JOIN partsupp ON l_partkey = ps_partkey AND l_suppkey = ps_suppkey
                    WHERE l_shipdate >= DATE '%s' AND l_shipdate < DATE '%s'
                    GROUP BY ps_partkey""".formatted(from, to)
                    : """
                    SELECT c_nationkey, count(*) AS pairs
                    FROM customer JOIN supplier ON c_nationkey = s_nationkey
                    WHERE c_mktsegment = '%s'
                    GROUP BY c_nationkey""".formatted(SEGMENTS[random.nextInt(SEGMENTS.length)]);
            case FILTER_SHIFT -> switch (random.nextInt(3)) {
                case 0 -> """
                        SELECT l_returnflag, l_linestatus, sum(l_extendedprice * (1 - l_discount)) AS revenue
                        FROM lineitem
                        WHERE l_receiptdate >= DATE '%s' AND l_receiptdate < DATE '%s'
                        GROUP BY l_returnflag, l_linestatus""".formatted(from, to);
                case 1 -> """
                        SELECT l_shipmode, count(*) AS late
                        FROM lineitem
                        WHERE l_commitdate >= DATE '%s' AND l_commitdate < DATE '%s'
                        GROUP BY l_shipmode""".formatted(from, to);
                default -> """
                        SELECT o_orderpriority, count(*) AS orders, sum(o_totalprice) AS total
                        FROM orders
                        WHERE o_orderpriority = '%s' AND o_totalprice > %d
                        GROUP BY o_orderpriority""".formatted(PRIORITIES[random.nextInt(PRIORITIES.length)], random.nextInt(1_000, 400_000));
            };
            case HEAVY_WRITES -> random.nextInt(3) == 0
                    ? "INSERT INTO partsupp (ps_partkey, ps_suppkey, ps_availqty, ps_supplycost, ps_comment) VALUES (%d, %d, %d, %d.%02d, 'new offer')"
                            .formatted(random.nextInt(1, 200_001), random.nextInt(1, 10_001), random.nextInt(1, 10_000), random.nextInt(1, 1_000), random.nextInt(100))
                    : "UPDATE partsupp SET ps_availqty = ps_availqty - %d WHERE ps_partkey = %d".formatted(random.nextInt(1, 50), random.nextInt(1, 200_001));
            case NONE -> throw new SimulatorException(ErrorCode.INTERNAL, "no drift statement without a drift scenario");
        };
    }
}
