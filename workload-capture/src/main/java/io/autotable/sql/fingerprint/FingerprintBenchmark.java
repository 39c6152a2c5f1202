package io.autotable.sql.fingerprint;

import io.autotable.error.CaptureException;
import io.autotable.sql.Fingerprinter;

import java.util.List;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * Measures how fast {@link LexicalFingerprinter} runs on one thread, for {@code autotable bench}.
 * Not JMH: a warm-up, then wall-clock time over {@code rounds} passes; good to a few
 * percent on an idle machine, which is what a throughput target needs.
 */
public final class FingerprintBenchmark
{
    // keeps the JIT from dropping the work
    private static volatile long sink;

    private FingerprintBenchmark() {}

    /** Statements fingerprinted per second, one thread, over {@code rounds} passes of {@code statements}. */
    public static double statementsPerSecond(List<String> statements, int rounds)
    {
        return statementsPerSecond(new LexicalFingerprinter(), statements, rounds);
    }

    public static double statementsPerSecond(Fingerprinter fingerprinter, List<String> statements, int rounds)
    {
        requireNonNull(fingerprinter, "fingerprinter is null");
        requireNonNull(statements, "statements is null");
        if (statements.isEmpty()) {
            throw CaptureException.invalid("statements is empty");
        }
        if (rounds < 1) {
            throw CaptureException.invalid("rounds must be >= 1, got %d", rounds);
        }
        String[] texts = statements.toArray(String[]::new);
        long checksum = 0;
        // until the JIT has compiled the scanner: 300,000 statements or two seconds
        long warmupEnd = System.nanoTime() + 2_000_000_000L;
        int warmup = 300_000 / texts.length + 1;
        for (int round = 0; round < warmup && System.nanoTime() < warmupEnd; round++) {
            for (String text : texts) {
                checksum += fingerprinter.fingerprint(text).hashCode();
            }
        }
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (String text : texts) {
                checksum += fingerprinter.fingerprint(text).hashCode();
            }
        }
        long elapsed = Math.max(1, System.nanoTime() - start);
        sink = checksum;
        return (double) texts.length * rounds * 1e9 / elapsed;
    }

    /**
     * Analytical statements of roughly {@code minLength} to {@code maxLength} characters (joins,
     * predicates with literals, IN lists, comments), the same for the same seed.
     */
    public static List<String> sampleStatements(long seed, int count, int minLength, int maxLength)
    {
        if (count < 1 || minLength < 1 || maxLength < minLength) {
            throw CaptureException.invalid("need count >= 1 and 1 <= minLength <= maxLength, got %d, %d, %d", count, minLength, maxLength);
        }
        SplittableRandom random = new SplittableRandom(seed);
        String[] tables = {"lineitem", "orders", "customer", "part", "supplier", "nation", "\"Region\"", "store_sales", "date_dim"};
        String[] columns = {"l_orderkey", "o_totalprice", "c_mktsegment", "p_brand", "s_acctbal", "n_name", "ss_sold_date_sk", "d_year"};
        String[] statements = new String[count];
        for (int i = 0; i < count; i++) {
            int target = random.nextInt(minLength, maxLength + 1);
            StringBuilder sql = new StringBuilder(target + 200);
            sql.append("/* report ").append(random.nextInt(100)).append(" */\nSELECT ");
            for (int c = 0; c < 4; c++) {
                sql.append(c == 0 ? "" : ", ").append("t").append(c).append('.').append(columns[random.nextInt(columns.length)]);
            }
            sql.append(", SUM(t0.o_totalprice * (1 - 0.05))\nFROM ").append(tables[random.nextInt(tables.length)]).append(" t0");
            int join = 1;
            while (sql.length() < target * 2 / 3) {
                sql.append("\n  JOIN ").append(tables[random.nextInt(tables.length)]).append(" t").append(join)
                        .append(" ON t").append(join).append('.').append(columns[random.nextInt(columns.length)])
                        .append(" = t").append(join - 1).append('.').append(columns[random.nextInt(columns.length)]);
                join++;
            }
            sql.append("\nWHERE t0.d_year = ").append(1990 + random.nextInt(30));
            while (sql.length() < target) {
                switch (random.nextInt(4)) {
                    case 0 -> sql.append("\n  AND t0.c_mktsegment = 'SEGMENT ").append(random.nextInt(1000)).append('\'');
                    case 1 -> sql.append("\n  AND t1.s_acctbal BETWEEN ").append(random.nextInt(10_000)).append(".5 AND ").append(random.nextInt(100_000));
                    case 2 -> {
                        sql.append("\n  AND t0.p_brand IN (");
                        int values = 1 + random.nextInt(8);
                        for (int v = 0; v < values; v++) {
                            sql.append(v == 0 ? "" : ", ").append('\'').append("Brand#").append(random.nextInt(100)).append('\'');
                        }
                        sql.append(')');
                    }
                    default -> sql.append("\n  AND t0.o_orderdate >= DATE '199").append(random.nextInt(10)).append("-01-01' -- since then");
                }
            }
            sql.append("\nGROUP BY 1, 2, 3, 4\nORDER BY 5 DESC\nLIMIT 100;");
            statements[i] = sql.toString();
        }
        return List.of(statements);
    }
}
