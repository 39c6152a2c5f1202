package io.autotable.ddl.jsqlparser;

import io.autotable.ddl.AbstractTestDdlParser;
import io.autotable.ddl.DdlParser;
import io.autotable.design.DistStyle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

public class TestJSqlParserDdlParser
        extends AbstractTestDdlParser
{
    @Override
    protected DdlParser createParser()
    {
        return new JSqlParserDdlParser();
    }

    @Test
    public void quotesOptionValuesOnlyOutsideTheColumnList()
    {
        // "all" as a column name inside the list must not be touched; DISTSTYLE ALL outside must parse
        var result = createParser().parse("create table t (\"all\" int, sortkey_col int) DISTSTYLE ALL SORTKEY (sortkey_col) BACKUP YES", "t.sql");

        assertThat(result.catalog().table("t").columnNames()).containsExactly("all", "sortkey_col");
        assertThat(result.design().table("t").distribution()).isEqualTo(DistStyle.ALL);
        assertThat(result.design().table("t").sortkey()).containsExactly("sortkey_col");
    }
}
