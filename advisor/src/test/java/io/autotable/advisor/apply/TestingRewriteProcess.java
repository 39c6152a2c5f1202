package io.autotable.advisor.apply;

import io.autotable.design.TableDesign;
import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import io.autotable.simulator.warehouse.EmbeddedWarehouse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A process that applies changes until it is killed, for {@link TestRewriteCrashes}: it recovers
 * first, as every applying process does, then alternates the table between two sort keys. Run as
 * {@code java -cp <test classpath> io.autotable.advisor.apply.TestingRewriteProcess DIR BATCH PAUSE_MS}.
 * Prints "applying C<n>" when an apply starts and "applied C<n> <ms>" when it ends.
 */
public final class TestingRewriteProcess
{
    private TestingRewriteProcess() {}

    public static void main(String[] args)
    {
        Workspace workspace = new Workspace(Path.of(args[0]));
        Throttle throttle = Throttle.defaults().withBatchSize(Integer.parseInt(args[1])).withPause(Duration.ofMillis(Long.parseLong(args[2])));
        try (EmbeddedWarehouse warehouse = EmbeddedWarehouse.open(workspace);
                WorkloadRepository repository = WorkloadRepository.open(workspace)) {
            TableRewriter rewriter = new TableRewriter(warehouse, repository, throttle);
            System.out.println("recovered " + rewriter.recover().size());
            for (int i = 0; i < 1_000; i++) {
                TableDesign current = repository.design().table(TestingRewrites.TABLE);
                TableDesign target = current.equals(TestingRewrites.BY_CUSTOMER) ? TestingRewrites.BY_DAY : TestingRewrites.BY_CUSTOMER;
                ChangePlan plan = rewriter.plan(TestingRewrites.TABLE, target, ChangeOrigin.DAEMON, List.of(), "crash test", 1);
                System.out.println("applying " + plan.changeId());
                System.out.flush();
                long start = System.nanoTime();
                rewriter.apply(plan);
                System.out.println("applied %s %d".formatted(plan.changeId(), (System.nanoTime() - start) / 1_000_000));
                System.out.flush();
            }
        }
    }
}
