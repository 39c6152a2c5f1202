package io.autotable.simulator.wlm;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TestFingerprintHistory
{
    @Test
    void seesOnlyRunsOfTheSameStatementThatEndedBeforeTheArrival()
    {
        SplittableRandom random = new SplittableRandom(11);
        Instant origin = Instant.parse("2026-01-05T08:00:00Z");
        List<LoggedRun> runs = new ArrayList<>();
        long micros = 0;
        for (int i = 0; i < 400; i++) {
            micros += random.nextLong(20_000_000);
            runs.add(new LoggedRun(origin.plusNanos(micros * 1_000), "f" + random.nextInt(5), "u", random.nextDouble() * 60, Optional.empty(), Optional.empty()));
        }
        List<FingerprintHistory.Known> known = FingerprintHistory.of(runs);
        for (int i = 0; i < runs.size(); i++) {
            // naive: every earlier run of the statement whose logged end is at or before this arrival
            int count = 0;
            double sum = 0;
            Instant lastEnd = null;
            double last = 0;
            for (int j = 0; j < i; j++) {
                LoggedRun earlier = runs.get(j);
                if (earlier.fingerprint().equals(runs.get(i).fingerprint()) && !earlier.end().isAfter(runs.get(i).start())) {
                    count++;
                    sum += FingerprintHistory.log(earlier.seconds());
                    if (lastEnd == null || !earlier.end().isBefore(lastEnd)) {
                        lastEnd = earlier.end();
                        last = FingerprintHistory.log(earlier.seconds());
                    }
                }
            }
            assertThat(known.get(i).runs()).as("run %d", i).isEqualTo(count);
            assertThat(known.get(i).meanLogSeconds()).as("run %d", i).isCloseTo(count == 0 ? 0 : sum / count, within(1e-9));
            assertThat(known.get(i).lastLogSeconds()).as("run %d", i).isCloseTo(last, within(1e-9));
        }
    }
}
