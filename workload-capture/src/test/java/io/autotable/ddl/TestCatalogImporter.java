package io.autotable.ddl;

import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.design.DistStyle;
import io.autotable.design.PhysicalDesign;
import io.autotable.design.SortStyle;
import io.autotable.design.TableDesign;
import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.ddl.jsqlparser.JSqlParserDdlParser;
import io.autotable.repository.CatalogEntry;
import io.autotable.repository.TableState;
import io.autotable.repository.Workspace;
import io.autotable.repository.WorkloadRepository;
import io.autotable.testing.BenchmarkFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestCatalogImporter
{
    private static final String AWS_TPCDS = "redshift-tpcds/Cloud-DWB-Derived-from-TPCDS/1TB/ddl.sql";

    @TempDir
    Path directory;

    private final DdlParser parser = new JSqlParserDdlParser();

    @Test
    void declaresTablesAWorkspaceDoesNotHave()
    {
        try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory))) {
            CatalogImporter.Result result = CatalogImporter.apply(repository, parser.parse(BenchmarkFiles.path(AWS_TPCDS)), "ddl aws");

            assertThat(result.declared()).hasSize(25).contains("store_sales", "date_dim");
            assertThat(result.designed()).isEmpty();
            assertThat(repository.catalogEntries()).extracting(CatalogEntry::state).containsOnly(TableState.DECLARED);
            PhysicalDesign design = repository.design();
            assertThat(design.table("store_sales").distribution()).isEqualTo(DistStyle.KEY);
            assertThat(design.table("store_sales").distkey()).contains("ss_item_sk");
            assertThat(design.table("store_sales").sortkey()).containsExactly("ss_sold_date_sk");
            assertThat(design.table("date_dim").distribution()).isEqualTo(DistStyle.ALL);
            assertThat(repository.journal()).extracting(entry -> entry.action()).containsExactly("catalog-import");
        }
    }

    @Test
    void setsTheDesignOfALoadedTableKeepingItsColumnsAndState()
    {
        Table loaded = new Table("nation", List.of(
                Column.notNull("n_nationkey", ColumnType.of(ColumnType.Kind.INTEGER)),
                Column.notNull("n_name", ColumnType.character(25))), 25, 1_000);
        try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory))) {
            repository.saveTables(List.of(loaded), TableState.COMPLETE, "tpch scale 0.01", PhysicalDesign.initial(repository.catalog()));

            CatalogImporter.Result result = CatalogImporter.apply(repository,
                    parser.parse("create table nation (n_nationkey int8 not null, n_name char(25) not null, n_comment varchar(152)) diststyle all sortkey(n_name);", "nation.sql"),
                    "ddl nation.sql");

            assertThat(result.designed()).containsExactly("nation");
            assertThat(result.warnings()).singleElement().asString().contains("n_comment");
            assertThat(repository.catalog().table("nation")).isEqualTo(loaded);
            assertThat(repository.catalogEntry("nation")).get().extracting(CatalogEntry::state).isEqualTo(TableState.COMPLETE);
            assertThat(repository.design().table("nation")).isEqualTo(new TableDesign(DistStyle.ALL, Optional.empty(), SortStyle.COMPOUND, List.of("n_name"), java.util.Map.of()));
        }
    }

    @Test
    void aDesignNamingAColumnTheLoadedTableLacksImportsNothing()
    {
        Table loaded = new Table("nation", List.of(Column.notNull("n_nationkey", ColumnType.of(ColumnType.Kind.INTEGER))), 25, 100);
        try (WorkloadRepository repository = WorkloadRepository.open(new Workspace(directory))) {
            repository.saveTables(List.of(loaded), TableState.COMPLETE, "tpch", PhysicalDesign.initial(repository.catalog()));
            String ddl = """
                    create table region (r_regionkey int) diststyle all;
                    create table nation (n_nationkey int, n_name char(25)) distkey(n_name);
                    """;

            assertThatThrownBy(() -> CatalogImporter.apply(repository, parser.parse(ddl, "two.sql"), "ddl two.sql"))
                    .isInstanceOf(CaptureException.class)
                    .hasMessageContaining("two.sql")
                    .hasMessageContaining("n_name")
                    .hasMessageContaining("nothing was imported")
                    .extracting(e -> ((CaptureException) e).errorCode()).isEqualTo(ErrorCode.UNKNOWN_COLUMN);
            assertThat(repository.catalogEntries()).extracting(entry -> entry.table().name()).containsExactly("nation");
            assertThat(repository.design().table("nation")).isEqualTo(TableDesign.initial());
            assertThat(repository.journal()).isEmpty();
        }
    }
}
