package io.autotable.ddl;

import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.design.DistStyle;
import io.autotable.design.Encoding;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.testing.BenchmarkFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of every {@link DdlParser}: the public benchmark schemas import completely, and
 * bad DDL fails the whole import with one line naming file, line and statement.
 */
public abstract class AbstractTestDdlParser
{
    protected abstract DdlParser createParser();

    private DdlImport parse(String sql)
    {
        return createParser().parse(sql, "test.sql");
    }

    private DdlImport parseBenchmark(String relative)
    {
        return createParser().parse(BenchmarkFiles.path(relative));
    }

    @Test
    public void importsTpchSchemaWithEightTables()
    {
        DdlImport result = parseBenchmark("tpch/schema.sql");

        assertThat(result.catalog().tables()).extracting(Table::name)
                .containsExactly("customer", "lineitem", "nation", "orders", "part", "partsupp", "region", "supplier");
        assertThat(result.statements()).isEqualTo(8);
        assertThat(result.skipped()).isZero();
        assertThat(result.warnings()).isEmpty();
        Table lineitem = result.catalog().table("lineitem");
        assertThat(lineitem.columns()).hasSize(16);
        assertThat(lineitem.column("l_quantity").type()).isEqualTo(ColumnType.decimal(15, 2));
        assertThat(lineitem.column("l_quantity").nullable()).isFalse();
        assertThat(lineitem.column("l_shipmode").type()).isEqualTo(ColumnType.character(10));
        assertThat(lineitem.column("l_comment").type()).isEqualTo(ColumnType.varchar(44));
        assertThat(result.catalog().table("nation").column("n_comment").nullable()).isTrue();
        assertThat(result.design().tables().values()).containsOnly(TableDesign.initial());
        assertThat(result.design().tables()).hasSize(8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpch/constraints.sql", "tpcds/constraints.sql"})
    public void skipsEveryStatementOfConstraintScripts(String file)
    {
        DdlImport result = parseBenchmark(file);

        assertThat(result.catalog().tables()).isEmpty();
        assertThat(result.statements()).isPositive();
        assertThat(result.skipped()).isEqualTo(result.statements());
    }

    @Test
    public void importsTpcdsSchemaWithDbgenVersion()
    {
        DdlImport result = parseBenchmark("tpcds/schema.sql");

        assertThat(result.catalog().tables()).hasSize(25);
        assertThat(result.catalog().findTable("dbgen_version")).isPresent();
        assertThat(result.skipped()).isZero();
        Table storeSales = result.catalog().table("store_sales");
        assertThat(storeSales.columns()).hasSize(23);
        assertThat(storeSales.column("ss_item_sk").nullable()).isFalse();
        assertThat(storeSales.column("ss_sold_date_sk").nullable()).isTrue();
        assertThat(result.catalog().table("customer_address").column("ca_gmt_offset").type()).isEqualTo(ColumnType.decimal(5, 2));
        assertThat(result.catalog().table("dbgen_version").column("dv_create_time").type()).isEqualTo(ColumnType.of(ColumnType.Kind.TIME));
    }

    @Test
    public void importsSsbSchemaWithSparkStringTypesAndCommentsInColumnLists()
    {
        DdlImport result = parseBenchmark("ssb/schema.sql");

        assertThat(result.catalog().tables()).extracting(Table::name)
                .containsExactly("customer", "dwdate", "lineorder", "part", "supplier");
        Table dwdate = result.catalog().table("dwdate");
        assertThat(dwdate.columns()).hasSize(17);
        assertThat(dwdate.column("d_date").type()).isEqualTo(ColumnType.varchar(256));
        assertThat(dwdate.column("d_year").type()).isEqualTo(ColumnType.of(ColumnType.Kind.INTEGER));
        // a primary key column is NOT NULL
        assertThat(dwdate.column("d_datekey").nullable()).isFalse();
        Table lineorder = result.catalog().table("lineorder");
        assertThat(lineorder.columns()).hasSize(17);
        assertThat(lineorder.column("lo_orderkey").nullable()).isFalse();
        assertThat(lineorder.column("lo_linenumber").nullable()).isFalse();
        assertThat(lineorder.column("lo_custkey").nullable()).isTrue();
    }

    @Test
    public void importsSchemaQualifiedTablesUnderTheirOwnName()
    {
        DdlImport result = parseBenchmark("ssb/schema_luciddb.sql");

        assertThat(result.catalog().tables()).extracting(Table::name)
                .containsExactly("customer", "dates", "lineorder", "part", "supplier");
        assertThat(result.catalog().table("customer").column("c_custkey").nullable()).isFalse();
        assertThat(result.catalog().table("lineorder").column("lo_orderkey").type()).isEqualTo(ColumnType.of(ColumnType.Kind.BIGINT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1TB", "3TB"})
    public void importsAwsTpcdsDesignWithKeyAndAllTables(String scale)
    {
        DdlImport result = parseBenchmark("redshift-tpcds/Cloud-DWB-Derived-from-TPCDS/" + scale + "/ddl.sql");

        assertThat(result.catalog().tables()).hasSize(25);
        // 24 copies and 24 counts follow the tables
        assertThat(result.skipped()).isEqualTo(48);
        assertThat(result.warnings()).isEmpty();
        assertThat(result.design().table("store_sales"))
                .isEqualTo(new TableDesign(DistStyle.KEY, Optional.of("ss_item_sk"), SortStyle.COMPOUND, List.of("ss_sold_date_sk"), Map.of()));
        assertThat(result.design().table("item"))
                .isEqualTo(new TableDesign(DistStyle.KEY, Optional.of("i_item_sk"), SortStyle.COMPOUND, List.of("i_category"), Map.of()));
        assertThat(result.design().table("date_dim"))
                .isEqualTo(new TableDesign(DistStyle.ALL, Optional.empty(), SortStyle.NONE, List.of(), Map.of()));
        assertThat(result.design().table("customer_address"))
                .isEqualTo(new TableDesign(DistStyle.KEY, Optional.of("ca_address_sk"), SortStyle.NONE, List.of(), Map.of()));
        assertThat(result.design().table("customer_demographics").distkey()).contains("cd_demo_sk");
        assertThat(result.design().table("dbgen_version")).isEqualTo(TableDesign.initial());
        assertThat(result.design().tables().values()).filteredOn(design -> design.distribution() == DistStyle.ALL).hasSize(13);
        assertThat(result.catalog().table("customer_address").column("ca_address_sk").type()).isEqualTo(ColumnType.of(ColumnType.Kind.INTEGER));
        assertThat(result.catalog().table("customer_address").column("ca_gmt_offset").type()).isEqualTo(ColumnType.decimal(5, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10GB", "100GB", "3TB", "30TB"})
    public void importsAwsTpchDesignWithKeyAndCompoundSortKeys(String scale)
    {
        DdlImport result = parseBenchmark("redshift-tpcds/Cloud-DWB-Derived-from-TPCH/" + scale + "/ddl.sql");

        assertThat(result.catalog().tables()).hasSize(8);
        assertThat(result.skipped()).isEqualTo(16);
        assertThat(result.design().table("lineitem"))
                .isEqualTo(new TableDesign(DistStyle.KEY, Optional.of("l_orderkey"), SortStyle.COMPOUND, List.of("l_shipdate", "l_orderkey"), Map.of()));
        assertThat(result.design().table("orders").sortkey()).containsExactly("o_orderdate", "o_orderkey");
        assertThat(result.design().table("supplier").distkey()).contains("s_suppkey");
        Table lineitem = result.catalog().table("lineitem");
        assertThat(lineitem.column("l_orderkey").type()).isEqualTo(ColumnType.of(ColumnType.Kind.BIGINT));
        assertThat(lineitem.column("l_suppkey").type()).isEqualTo(ColumnType.of(ColumnType.Kind.INTEGER));
        assertThat(lineitem.column("l_quantity").type()).isEqualTo(ColumnType.decimal(12, 2));
    }

    @Test
    public void readsColumnEncodings()
    {
        DdlImport result = parse("""
                create table events (
                  id bigint not null encode az64,
                  kind varchar(20) encode bytedict,
                  body varchar(max) ENCODE ZSTD not null,
                  flag boolean encode none,
                  at timestamp
                ) diststyle even;
                """);

        TableDesign design = result.design().table("events");
        assertThat(design.distribution()).isEqualTo(DistStyle.EVEN);
        assertThat(design.encodings()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "id", Encoding.AZ64, "kind", Encoding.BYTEDICT, "body", Encoding.ZSTD, "flag", Encoding.RAW));
        Table events = result.catalog().table("events");
        assertThat(events.column("body").type()).isEqualTo(ColumnType.varchar(ColumnType.MAX_VARCHAR_LENGTH));
        assertThat(events.column("body").nullable()).isFalse();
        assertThat(events.column("at").nullable()).isTrue();
    }

    @Test
    public void readsInterleavedSortKey()
    {
        DdlImport result = parse("create table t (a int, b date, c varchar(5)) diststyle key distkey(c) interleaved sortkey(b, a)");

        assertThat(result.design().table("t"))
                .isEqualTo(new TableDesign(DistStyle.KEY, Optional.of("c"), SortStyle.INTERLEAVED, List.of("b", "a"), Map.of()));
    }

    @Test
    public void readsCompoundSortKeyAndTableOptionsInAnyOrder()
    {
        DdlImport result = parse("CREATE TABLE T (A INT, B DATE) COMPOUND SORTKEY (B, A) DISTKEY (A) BACKUP NO");

        assertThat(result.design().table("t"))
                .isEqualTo(new TableDesign(DistStyle.KEY, Optional.of("a"), SortStyle.COMPOUND, List.of("b", "a"), Map.of()));
    }

    @Test
    public void readsColumnLevelDistkeyAndSortkey()
    {
        DdlImport result = parse("""
                create table sales (
                  item_id int4 not null distkey,
                  sold date sortkey encode raw,
                  amount numeric(12,2) encode az64
                );
                """);

        assertThat(result.design().table("sales"))
                .isEqualTo(new TableDesign(DistStyle.KEY, Optional.of("item_id"), SortStyle.COMPOUND, List.of("sold"),
                        Map.of("sold", Encoding.RAW, "amount", Encoding.AZ64)));
    }

    @Test
    public void importsDiststyleAutoAsEvenWithWarning()
    {
        DdlImport result = parse("\n\ncreate table t (a int) diststyle auto;");

        assertThat(result.design().table("t")).isEqualTo(TableDesign.initial());
        assertThat(result.warnings()).singleElement().asString()
                .startsWith("test.sql:3: ")
                .contains("DISTSTYLE AUTO", "EVEN");
    }

    @Test
    public void importsSortkeyAutoAsNoSortKeyWithWarning()
    {
        DdlImport result = parse("create table t (a int, b int) distkey(a) sortkey auto encode auto");

        assertThat(result.design().table("t").sortStyle()).isEqualTo(SortStyle.NONE);
        assertThat(result.design().table("t").distkey()).contains("a");
        assertThat(result.warnings()).singleElement().asString().contains("SORTKEY AUTO");
    }

    @Test
    public void readsQuotedIdentifiersAndSemicolonsInsideStringsAndComments()
    {
        DdlImport result = parse("""
                -- a comment; with a semicolon
                create table "Orders" (
                  "Id" int not null, /* ; */
                  note varchar(10) default 'a;b'
                ) distkey("Id");
                create index orders_note on orders (note);
                """);

        assertThat(result.catalog().table("orders").columnNames()).containsExactly("id", "note");
        assertThat(result.design().table("orders").distkey()).contains("id");
        assertThat(result.statements()).isEqualTo(2);
        assertThat(result.skipped()).isEqualTo(1);
    }

    @Test
    public void skipsCreateTableAsWithWarning()
    {
        DdlImport result = parse("create table a (x int); create table b as select x from a;");

        assertThat(result.catalog().tables()).extracting(Table::name).containsExactly("a");
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(result.warnings()).singleElement().asString().startsWith("test.sql:1: ").contains("AS SELECT");
    }

    @Test
    public void rejectsDiststyleKeyWithoutDistkey()
    {
        assertInvalid("create table t (a int) diststyle key", "test.sql:1: ", "DISTSTYLE KEY needs a DISTKEY");
    }

    @Test
    public void rejectsDistkeyNamingMissingColumn()
    {
        assertInvalid("create table t (a int) distkey(b)", "test.sql:1: ", "DISTKEY names column b", "name a column the table declares");
    }

    @Test
    public void rejectsSortkeyNamingMissingColumn()
    {
        assertInvalid("create table t (a int, b int)\nsortkey(a, c)", "test.sql:1: ", "SORTKEY names column c");
    }

    @Test
    public void rejectsDistkeyWithDiststyleAll()
    {
        assertInvalid("create table t (a int distkey) diststyle all", "DISTSTYLE ALL takes no DISTKEY");
    }

    @Test
    public void rejectsUnknownEncodingAndType()
    {
        assertInvalid("create table t (a int encode fancy)", "unknown encoding 'fancy'");
        assertInvalid("create table t (a geometry)", "column a: unknown type 'geometry'");
    }

    @Test
    public void rejectsTableCreatedTwice()
    {
        assertInvalid("create table s1.t (a int);\ncreate table s2.t (a int);", "test.sql:2: ", "already created at line 1");
    }

    @Test
    public void rejectsWholeScriptForOneBadStatementNamingFileAndLine()
    {
        String script = """
                create table good (a int);

                -- the next one is missing a comma
                create table bad (
                  a int
                  b int
                );
                create table also_good (a int);
                """;

        assertThatThrownBy(() -> createParser().parse(script, "schema.sql"))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_DDL))
                .hasMessageStartingWith("schema.sql:4: cannot import 'create table bad ( a int b int )': ")
                .hasMessageContaining("line 6")
                .hasMessageNotContaining("\n");
    }

    @Test
    public void rejectsUnterminatedString()
    {
        assertInvalid("create table t (a int);\ncreate table u (a varchar(3) default 'x);", "test.sql:2: ", "string", "never closed");
    }

    @Test
    public void reportsMissingFile()
    {
        assertThatThrownBy(() -> createParser().parse(Path.of("no/such/schema.sql")))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FILE_NOT_FOUND))
                .hasMessageContaining("no/such/schema.sql");
    }

    private void assertInvalid(String sql, String... fragments)
    {
        assertThatThrownBy(() -> parse(sql))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_DDL))
                .hasMessageNotContaining("\n")
                .message().contains(fragments);
    }
}
