package io.autotable.ddl.jsqlparser;

import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class TestSqlScript
{
    @Test
    public void splitsAtSemicolonsOutsideStringsIdentifiersAndComments()
    {
        List<SqlScript.Statement> statements = SqlScript.split("""
                select 'a;''b' from "x;y"; -- c;d
                /* e;
                   f */ select $$g;h$$, $t$i;$t$
                ;;
                select 1""", "s.sql");

        assertThat(statements).extracting(SqlScript.Statement::text)
                .containsExactly("select 'a;''b' from \"x;y\"", "select $$g;h$$, $t$i;$t$", "select 1");
        assertThat(statements).extracting(SqlScript.Statement::line).containsExactly(1, 3, 5);
        assertThat(statements.get(1).column()).isEqualTo(9);
    }

    @Test
    public void ignoresCommentOnlyText()
    {
        assertThat(SqlScript.split("-- only\n/* comments */\n", "s.sql")).isEmpty();
    }

    @Test
    public void keepsTokenPositionsRelativeToTheStatement()
    {
        SqlScript.Statement statement = SqlScript.split("select 1;\n  create table t (a int)", "s.sql").get(1);

        SqlScript.Token table = statement.tokens().get(2);
        assertThat(table.text()).isEqualTo("t");
        assertThat(statement.text().substring(table.start(), table.end())).isEqualTo("t");
        assertThat(table.line()).isEqualTo(2);
        assertThat(statement.column()).isEqualTo(3);
    }

    @Test
    public void rejectsUnterminatedCommentNamingItsLine()
    {
        assertThatThrownBy(() -> SqlScript.split("select 1;\n/* never closed", "s.sql"))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_DDL))
                .hasMessageStartingWith("s.sql:2: comment");
    }
}
