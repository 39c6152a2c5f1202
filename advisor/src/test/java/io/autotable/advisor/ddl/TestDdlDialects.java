package io.autotable.advisor.ddl;

import io.autotable.advisor.AdvisorException;
import io.autotable.advisor.Recommendation.Kind;
import io.autotable.design.DistStyle;
import io.autotable.design.Encoding;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDdlDialects
{
    private static final List<String> COLUMNS = List.of("a", "b", "c", "d");
    private static final TableDesign INITIAL = TableDesign.initial();

    @Test
    void writesRedshiftsAlterTableForms()
    {
        RedshiftDdl redshift = new RedshiftDdl();
        assertThat(redshift.statements("t", Kind.DISTRIBUTION, INITIAL, INITIAL.withDistribution(DistStyle.KEY, Optional.of("a"))))
                .containsExactly("ALTER TABLE t ALTER DISTSTYLE KEY DISTKEY a;");
        assertThat(redshift.statements("t", Kind.DISTRIBUTION, INITIAL, INITIAL.withDistribution(DistStyle.ALL, Optional.empty())))
                .containsExactly("ALTER TABLE t ALTER DISTSTYLE ALL;");
        TableDesign keyed = INITIAL.withDistribution(DistStyle.KEY, Optional.of("a"));
        assertThat(redshift.statements("t", Kind.DISTRIBUTION, keyed, INITIAL)).containsExactly("ALTER TABLE t ALTER DISTSTYLE EVEN;");
        TableDesign sorted = INITIAL.withSortKey(SortStyle.COMPOUND, List.of("b", "c"));
        assertThat(redshift.statements("t", Kind.SORTKEY, INITIAL, sorted)).containsExactly("ALTER TABLE t ALTER COMPOUND SORTKEY (b, c);");
        assertThat(redshift.statements("t", Kind.SORTKEY, sorted, INITIAL)).containsExactly("ALTER TABLE t ALTER SORTKEY NONE;");
        TableDesign encoded = INITIAL.withEncodings(Map.of("a", Encoding.AZ64, "d", Encoding.ZSTD));
        assertThat(redshift.statements("t", Kind.ENCODING, INITIAL, encoded))
                .containsExactly("ALTER TABLE t ALTER COLUMN a ENCODE az64, ALTER COLUMN d ENCODE zstd;");
        assertThat(redshift.statements("t", Kind.ENCODING, encoded, encoded)).isEmpty();
    }

    @Test
    void deepCopiesAnInterleavedSortKeyOnRedshiftAndAltersItInPlaceOnTheEmbeddedWarehouse()
    {
        TableDesign interleaved = INITIAL.withSortKey(SortStyle.INTERLEAVED, List.of("a", "b"));
        assertThat(new RedshiftDdl().statements("t", Kind.SORTKEY, INITIAL, interleaved)).containsExactly(
                "CREATE TABLE t_autotable_new (LIKE t) INTERLEAVED SORTKEY (a, b);",
                "INSERT INTO t_autotable_new SELECT * FROM t;",
                "ALTER TABLE t RENAME TO t_autotable_old;",
                "ALTER TABLE t_autotable_new RENAME TO t;",
                "DROP TABLE t_autotable_old;");
        assertThat(new EmbeddedDdl().statements("t", Kind.SORTKEY, INITIAL, interleaved)).containsExactly("ALTER TABLE t ALTER INTERLEAVED SORTKEY (a, b);");
    }

    @Test
    void embeddedStatementsApplyBackToTheDesignTheyWereWrittenFor()
    {
        EmbeddedDdl embedded = new EmbeddedDdl();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 500; i++) {
            TableDesign before = randomDesign(random);
            TableDesign after = randomDesign(random);
            TableDesign applied = before;
            for (Kind kind : Kind.values()) {
                for (String statement : embedded.statements("t", kind, before, after)) {
                    EmbeddedDdl.Applied result = EmbeddedDdl.apply(applied, statement);
                    assertThat(result.table()).isEqualTo("t");
                    applied = result.design();
                }
            }
            assertThat(applied.distribution()).isEqualTo(after.distribution());
            assertThat(applied.distkey()).isEqualTo(after.distkey());
            assertThat(applied.sortStyle()).isEqualTo(after.sortStyle());
            assertThat(applied.sortkey()).isEqualTo(after.sortkey());
            for (String column : COLUMNS) {
                assertThat(applied.encoding(column)).as("encoding of %s", column).isEqualTo(after.encoding(column));
            }
        }
    }

    @Test
    void rejectsAStatementThatIsNotOneOfTheEmbeddedForms()
    {
        assertThatThrownBy(() -> EmbeddedDdl.apply(INITIAL, "DROP TABLE t"))
                .isInstanceOf(AdvisorException.class)
                .hasMessageContaining("cannot apply 'DROP TABLE t'")
                .satisfies(e -> assertThat(((AdvisorException) e).errorCode()).isEqualTo(ErrorCode.INVALID_DDL));
        assertThatThrownBy(() -> EmbeddedDdl.apply(INITIAL, "ALTER TABLE t ALTER COLUMN a ENCODE snappy;"))
                .isInstanceOf(AdvisorException.class)
                .hasMessageContaining("unknown encoding snappy");
    }

    private static TableDesign randomDesign(SplittableRandom random)
    {
        TableDesign design = switch (random.nextInt(3)) {
            case 0 -> INITIAL;
            case 1 -> INITIAL.withDistribution(DistStyle.ALL, Optional.empty());
            default -> INITIAL.withDistribution(DistStyle.KEY, Optional.of(COLUMNS.get(random.nextInt(COLUMNS.size()))));
        };
        SortStyle style = SortStyle.values()[random.nextInt(SortStyle.values().length)];
        if (style != SortStyle.NONE) {
            List<String> columns = new ArrayList<>(COLUMNS);
            Collections.shuffle(columns, new Random(random.nextLong()));
            design = design.withSortKey(style, columns.subList(0, 1 + random.nextInt(3)));
        }
        Map<String, Encoding> encodings = new HashMap<>();
        for (String column : COLUMNS) {
            if (random.nextBoolean()) {
                encodings.put(column, List.of(Encoding.RAW, Encoding.ZSTD, Encoding.LZO, Encoding.RUNLENGTH).get(random.nextInt(4)));
            }
        }
        return design.withEncodings(encodings);
    }
}
