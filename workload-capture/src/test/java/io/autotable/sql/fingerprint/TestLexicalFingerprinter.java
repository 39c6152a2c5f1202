package io.autotable.sql.fingerprint;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

public class TestLexicalFingerprinter
{
    private final LexicalFingerprinter fingerprinter = new LexicalFingerprinter();

    @Test
    public void literalWhitespaceCommentAndCaseVariantsShareAFingerprint()
    {
        List<String> variants = List.of(
                "SELECT a, b FROM t WHERE x = 1 AND y IN (1, 2, 3) AND d >= DATE '2020-01-01'",
                "select A,B from T where X=42 and Y in (7) and D >= date '1999-12-31';",
                "select a , b -- comment\n from /* block /* nested */ */ t\n\twhere x = 1.5e3 and y in ('a','b') and d >= '2021-02-02'",
                "Select a, b From t Where x = -7 And y In ($1, ?) And d >= $$x$$");

        assertThat(variants).extracting(fingerprinter::fingerprint).containsOnly(fingerprinter.fingerprint(variants.get(0)));
        assertThat(fingerprinter.normalize(variants.get(0))).isEqualTo("select a, b from t where x = ? and y in (?) and d >= ?");
    }

    @Test
    public void structurallyDifferentStatementsDiffer()
    {
        List<String> statements = List.of(
                "select a from t where x = 1",
                "select b from t where x = 1",
                "select a from t where x > 1",
                "select a from u where x = 1",
                "select a from t where x = 1 and y = 2",
                "select a from \"T\" where x = 1",
                "select a from t1 where x = 1",
                "select a from t where x in (select 1)");

        assertThat(statements).extracting(fingerprinter::fingerprint).doesNotHaveDuplicates();
    }

    @Test
    public void replacesEveryKindOfLiteral()
    {
        assertThat(fingerprinter.normalize("select E'it\\'s', N'x', X'0F', U&'d', $tag$ a ; 'b' $tag$, 'it''s', .5, 1., 10e-3, t1.c2 from \"MixedCase\""))
                .isEqualTo("select ?, ?, ?, ?, ?, ?, ?, ?, ?, t1.c2 from \"MixedCase\"");
        assertThat(fingerprinter.normalize("select now() - interval '3' day to second, timestamp '2020-01-01 00:00', x::date, a-1, a - -1"))
                .isEqualTo("select now () - ?, ?, x::date, a - ?, a - ?");
    }

    @Test
    public void unterminatedQuotesAndCommentsRunToTheEnd()
    {
        assertThat(fingerprinter.normalize("select 'never closed; drop table t")).isEqualTo("select ?");
        assertThat(fingerprinter.normalize("select a /* never closed")).isEqualTo("select a");
        assertThat(fingerprinter.normalize("select \"never closed")).isEqualTo("select \"never closed");
        assertThat(fingerprinter.normalize("select $x$ never closed")).isEqualTo("select ?");
        assertThat(fingerprinter.normalize("select E'ends in a backslash\\")).isEqualTo("select ?");
        assertThat(fingerprinter.fingerprint("")).hasSize(16);
    }

    @Test
    public void inListsOnlyCollapseWhenAllLiterals()
    {
        assertThat(fingerprinter.normalize("x in (1, 2, 3)")).isEqualTo("x in (?)");
        assertThat(fingerprinter.normalize("x not in (1, y)")).isEqualTo("x not in (?, y)");
        assertThat(fingerprinter.normalize("x in (select 1)")).isEqualTo("x in (select ?)");
    }

    @Test
    public void matchesNaiveOracleOnSeededRandomStatements()
    {
        SplittableRandom random = new SplittableRandom(42);
        String[] words = {"select", "from", "where", "orders", "lineitem", "sum", "group", "order", "Customer", "c_name", "t1", "x_2"};
        for (int statement = 0; statement < 2_000; statement++) {
            // tokens of the canonical form: words, ?, punctuation
            List<String> tokens = new ArrayList<>();
            int count = 1 + random.nextInt(30);
            for (int i = 0; i < count; i++) {
                tokens.add(switch (random.nextInt(6)) {
                    case 0, 1 -> words[random.nextInt(words.length)].toLowerCase();
                    case 2 -> "?";
                    case 3 -> "=";
                    case 4 -> ",";
                    default -> "\"Q" + random.nextInt(3) + "\"";
                });
            }
            String expected = oracle(tokens);
            String variant = render(tokens, random, words);

            assertThat(fingerprinter.normalize(variant)).as(variant).isEqualTo(expected);
            assertThat(fingerprinter.fingerprint(variant)).isEqualTo(fingerprinter.fingerprint(expected));
        }
    }

    /** The normalised form, spelled out naively: one space between tokens, none before a comma. */
    private static String oracle(List<String> tokens)
    {
        StringBuilder out = new StringBuilder();
        for (String token : tokens) {
            if (!out.isEmpty() && !token.equals(",")) {
                out.append(' ');
            }
            out.append(token);
        }
        return out.toString();
    }

    private static String render(List<String> tokens, SplittableRandom random, String[] words)
    {
        StringBuilder sql = new StringBuilder();
        for (String token : tokens) {
            if (!sql.isEmpty()) {
                sql.append(switch (random.nextInt(5)) {
                    case 0 -> " ";
                    case 1 -> "\n\t ";
                    case 2 -> " /* c; 'x' */ ";
                    case 3 -> " -- note 'y'\n";
                    default -> "   ";
                });
            }
            if (token.equals("?")) {
                sql.append(switch (random.nextInt(6)) {
                    case 0 -> Integer.toString(random.nextInt(1_000_000));
                    case 1 -> random.nextInt(1000) + "." + random.nextInt(1000);
                    case 2 -> "'it''s " + random.nextInt(100) + "'";
                    case 3 -> "E'a\\'b'";
                    case 4 -> "$q$ ; $q$";
                    default -> "?";
                });
            }
            else if (Character.isLetter(token.charAt(0)) && random.nextBoolean()) {
                sql.append(token.toUpperCase());
            }
            else {
                sql.append(token);
            }
        }
        return sql.toString();
    }

    @Test
    public void benchmarkReportsAPositiveRate()
    {
        List<String> statements = FingerprintBenchmark.sampleStatements(1, 50, 300, 2000);

        assertThat(statements).allSatisfy(statement -> assertThat(statement.length()).isBetween(300, 2200));
        assertThat(FingerprintBenchmark.statementsPerSecond(statements, 2)).isPositive();
    }
}
