package io.autotable.capture.redshift;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.design.DistStyle;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.repository.TableState;
import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSvvTableInfoImporter
{
    @TempDir
    Path directory;

    private static final ColumnType INT = ColumnType.of(ColumnType.Kind.INTEGER);

    @Test
    void setsCountsSizesAndDesignOfDeclaredTables()
            throws Exception
    {
        try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory))) {
            declare(repository);
            TableDesign ordersDdl = new TableDesign(DistStyle.EVEN, Optional.empty(), SortStyle.COMPOUND, List.of("o_orderdate", "o_orderkey"), Map.of());
            repository.saveDesign("orders", ordersDdl);

            SvvTableInfoImporter.Result result = SvvTableInfoImporter.apply(repository, export(), "svv_table_info test");

            assertThat(result.updated()).containsExactly("orders", "nation", "lineitem");
            assertThat(result.automatic()).containsExactly("nation", "lineitem");
            assertThat(result.warnings()).anySatisfy(warning -> assertThat(warning).contains("unknown_table", "import its DDL first"));
            assertThat(result.warnings()).anySatisfy(warning -> assertThat(warning).contains("lineitem", "interleaved"));

            Table orders = repository.catalog().table("orders");
            assertThat(orders.rows()).isEqualTo(1_499_000);
            assertThat(orders.sizeBytes()).isEqualTo(1200L << 20);
            PhysicalDesign design = repository.design();
            // the DDL's two-column key agrees with sortkey1 and sortkey_num, so it is kept
            assertThat(design.table("orders")).isEqualTo(new TableDesign(DistStyle.KEY, Optional.of("o_custkey"), SortStyle.COMPOUND, List.of("o_orderdate", "o_orderkey"), Map.of()));
            assertThat(design.table("nation").distribution()).isEqualTo(DistStyle.ALL);
            assertThat(design.table("nation").sortStyle()).isEqualTo(SortStyle.NONE);
            assertThat(design.table("lineitem").distkey()).contains("l_orderkey");
            assertThat(repository.journal()).extracting(entry -> entry.action()).containsExactly("svv-table-info-import");
        }
    }

    @Test
    void keepsOnlyTheFirstSortKeyColumnWhenTheDdlDisagrees()
            throws Exception
    {
        try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory))) {
            declare(repository);
            SvvTableInfoImporter.Result result = SvvTableInfoImporter.apply(repository, export(), "svv");

            assertThat(repository.design().table("orders").sortkey()).containsExactly("o_orderdate");
            assertThat(result.warnings()).anySatisfy(warning -> assertThat(warning).contains("orders", "2 columns", "only the first"));
        }
    }

    @Test
    void aLoadedTableKeepsItsCountsAndTakesTheDesign()
            throws Exception
    {
        try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory))) {
            Table loaded = new Table("nation", List.of(Column.of("n_nationkey", INT)), 25, 1_000);
            repository.saveTables(List.of(loaded), TableState.COMPLETE, "tpch", PhysicalDesign.empty());
            Path file = Files.writeString(directory.resolve("n.csv"), "schema,table,diststyle,sortkey1,sortkey_num,size,tbl_rows\npublic,nation,ALL,n_nationkey,1,5,99\n");

            SvvTableInfoImporter.apply(repository, file, "svv");

            assertThat(repository.catalog().table("nation")).isEqualTo(loaded);
            assertThat(repository.catalogEntry("nation")).get().extracting(entry -> entry.state()).isEqualTo(TableState.COMPLETE);
            assertThat(repository.design().table("nation")).isEqualTo(new TableDesign(DistStyle.ALL, Optional.empty(), SortStyle.COMPOUND, List.of("n_nationkey"), Map.of()));
        }
    }

    @Test
    void aColumnTheTableLacksImportsNothing()
            throws Exception
    {
        try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory))) {
            declare(repository);
            Path file = Files.writeString(directory.resolve("bad.csv"), """
                    schema,table,diststyle,sortkey1,sortkey_num,size,tbl_rows
                    public,nation,ALL,,0,5,25
                    public,orders,KEY(no_such_column),,0,5,25
                    """);

            assertThatThrownBy(() -> SvvTableInfoImporter.apply(repository, file, "svv"))
                    .isInstanceOf(CaptureException.class)
                    .hasMessageContaining("bad.csv:3")
                    .hasMessageContaining("nothing was imported")
                    .extracting(e -> ((CaptureException) e).errorCode()).isEqualTo(ErrorCode.UNKNOWN_COLUMN);
            assertThat(repository.catalog().table("nation").rows()).isZero();
            assertThat(repository.journal()).isEmpty();
        }
    }

    private static void declare(WorkloadRepository repository)
    {
        repository.saveTables(List.of(
                Table.declared("orders", List.of(Column.of("o_orderkey", INT), Column.of("o_custkey", INT), Column.of("o_orderdate", ColumnType.of(ColumnType.Kind.DATE)))),
                Table.declared("nation", List.of(Column.of("n_nationkey", INT))),
                Table.declared("lineitem", List.of(Column.of("l_orderkey", INT), Column.of("l_shipdate", ColumnType.of(ColumnType.Kind.DATE))))),
                TableState.DECLARED, "ddl test", PhysicalDesign.empty());
    }

    private static Path export()
            throws URISyntaxException
    {
        return Path.of(TestSvvTableInfoImporter.class.getResource("/io/autotable/capture/redshift/svv_table_info.csv").toURI());
    }
}
