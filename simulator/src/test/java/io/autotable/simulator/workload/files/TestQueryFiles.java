package io.autotable.simulator.workload.files;

import io.autotable.error.ErrorCode;
import io.autotable.simulator.SimulatorException;
import io.autotable.simulator.workload.DriftStatements;
import io.autotable.simulator.workload.QuerySet;
import io.autotable.simulator.workload.QueryTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestQueryFiles
{
    @TempDir
    Path directory;

    @Test
    void aDirectoryIsItsSqlFilesInNameOrderEachOneTemplateOfItsStatements()
            throws Exception
    {
        Files.writeString(directory.resolve("b.sql"), "-- two statements\nselect 1 from t where d_year = 2000;\nselect 2 from t where d_year = 2001;\n");
        Files.writeString(directory.resolve("a.sql"), "select a from t where x = ';'");
        Files.writeString(directory.resolve("notes.txt"), "not sql");

        QuerySet queries = read(List.of(directory));

        assertThat(queries.problems()).isEmpty();
        assertThat(queries.templates()).extracting(QueryTemplate::name).containsExactly("a", "b");
        assertThat(queries.templates().get(1).statements()).containsExactly("-- two statements\nselect 1 from t where d_year = 2000", "select 2 from t where d_year = 2001");
        assertThat(queries.unvaried()).containsExactly("a");
        assertThat(queries.origin()).matches("queries=[0-9a-f]{16}");
    }

    @Test
    void unreadableAndUnparseableFilesAreLeftOutEachNamedAndTheRestAreUsed()
            throws Exception
    {
        Path good = Files.writeString(directory.resolve("good.sql"), "select count(*) from store_sales where ss_quantity between 1 and 20");
        Path bad = Files.writeString(directory.resolve("bad.sql"), "select 1;\nselect from where group;");
        Path open = Files.writeString(directory.resolve("open.sql"), "select 'never closed from t");
        Path empty = Files.writeString(directory.resolve("empty.sql"), "-- nothing here\n");
        Path latin1 = Files.write(directory.resolve("latin1.sql"), new byte[] {'s', 'e', 'l', 'e', 'c', 't', ' ', '\'', (byte) 0xE9, '\''});
        Path missing = directory.resolve("missing.sql");

        QuerySet queries = read(List.of(good, bad, open, empty, latin1, missing));

        assertThat(queries.templates()).extracting(QueryTemplate::name).containsExactly("good");
        assertThat(queries.problems()).hasSize(5);
        assertThat(queries.problems().get(0)).isEqualTo(missing + ": no such file or directory");
        assertThat(queries.problems().get(1)).startsWith(bad + ": statement 2 does not parse: line 2");
        assertThat(queries.problems().get(2)).startsWith(open + ": statement 1 (line 1) does not parse: a string starting at line 1");
        assertThat(queries.problems().get(3)).isEqualTo(empty + ": has no SQL statement");
        assertThat(queries.problems().get(4)).isEqualTo(latin1 + ": cannot be read: it is not UTF-8 text");
    }

    @Test
    void noUsableFileIsAUserErrorSayingWhy()
            throws Exception
    {
        Path bad = Files.writeString(directory.resolve("bad.sql"), "selec 1");

        assertThatThrownBy(() -> read(List.of(bad, directory.resolve("none"))))
                .isInstanceOfSatisfying(SimulatorException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FILE_NOT_READABLE))
                .hasMessageContaining("no usable query file")
                .hasMessageContaining(bad + ": statement 1 does not parse")
                .hasMessageContaining("none: no such file or directory");
    }

    @Test
    void theSameFilesGiveTheSameOriginAndOtherTextAnother()
            throws Exception
    {
        Path file = Files.writeString(directory.resolve("q.sql"), "select 1 from t where d_year = 2000");
        String first = read(List.of(file)).origin();
        assertThat(read(List.of(file)).origin()).isEqualTo(first);
        Files.writeString(file, "select 1 from t where d_year = 2001");
        assertThat(read(List.of(file)).origin()).isNotEqualTo(first);
    }

    private static QuerySet read(List<Path> paths)
    {
        return QueryFiles.read("tpcds", paths, 1998, 2002, DriftStatements.none());
    }
}
