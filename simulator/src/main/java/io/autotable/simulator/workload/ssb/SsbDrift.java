package io.autotable.simulator.workload.ssb;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.workload.DriftScenario;
import io.autotable.simulator.workload.DriftStatements;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import static io.autotable.simulator.data.ssb.SsbGenerator.dateKey;

/**
 * SSB's drift statements. {@code filter-shift}: the flights filter dates through {@code dwdate}
 * ({@code d_year}, {@code d_yearmonthnum}); the drifted statements filter {@code lineorder}'s own
 * {@code lo_orderdate} or {@code lo_commitdate} by a range of date keys of 1 to 3 months, or the
 * customers by region, so a sort key on a date key of lineorder starts to pay.
 * {@code new-join-path}: lineorder joins {@code dwdate} on its commit date instead of its order
 * date, and customers join suppliers on their city. Dates fall in 1992 .. 1998.
 */
public final class SsbDrift
        implements DriftStatements
{
    private static final LocalDate FIRST = LocalDate.of(SsbParameters.FIRST_YEAR, 1, 1);
    // the last range ends by 1998-12-01, inside dwdate
    private static final int MONTHS = 7 * 12 - 3;

    @Override
    public List<DriftScenario> scenarios()
    {
        return List.of(DriftScenario.NONE, DriftScenario.NEW_JOIN_PATH, DriftScenario.FILTER_SHIFT);
    }

    @Override
    public String statement(DriftScenario scenario, SplittableRandom random)
    {
        LocalDate from = FIRST.plusMonths(random.nextInt(MONTHS));
        LocalDate to = from.plusMonths(random.nextInt(1, 4));
        String region = SsbParameters.REGIONS.get(random.nextInt(SsbParameters.REGIONS.size()));
        return switch (scenario) {
            case FILTER_SHIFT -> switch (random.nextInt(3)) {
                case 0 -> {
                    int discount = random.nextInt(0, 9);
                    yield """
                            select sum(lo_extendedprice * lo_discount) as revenue
                            from lineorder
                            where lo_orderdate >= %d and lo_orderdate < %d
                              and lo_discount between %d and %d
                              and lo_quantity < 25""".formatted(dateKey(from), dateKey(to), discount, discount + 2);
                }
                case 1 -> """
                        select c_nation, sum(lo_revenue) as revenue
                        from lineorder, customer
                        where lo_custkey = c_custkey
                          and c_region = '%s'
                          and lo_orderdate >= %d and lo_orderdate < %d
                        group by c_nation""".formatted(region, dateKey(from), dateKey(to));
                default -> """
                        select lo_shipmode, count(*) as line_count
                        from lineorder
                        where lo_commitdate >= %d and lo_commitdate < %d
                        group by lo_shipmode""".formatted(dateKey(from), dateKey(to));
            };
            case NEW_JOIN_PATH -> random.nextBoolean()
                    ? """
                    select d_yearmonthnum, sum(lo_revenue) as revenue
                    from lineorder, dwdate
                    where lo_commitdate = d_datekey
                      and d_year = %d
                    group by d_yearmonthnum""".formatted(from.getYear())
                    : """
                    select c_nation, s_nation, count(*) as pairs
                    from customer, supplier
                    where c_city = s_city
                      and c_region = '%s'
                    group by c_nation, s_nation""".formatted(region);
            default -> throw new SimulatorException(ErrorCode.INTERNAL, "SSB has no drift statement for scenario " + scenario.cliName());
        };
    }
}
