package io.autotable.catalog;

import io.autotable.error.CaptureException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestColumnType
{
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "int4|INTEGER",
            "INTEGER|INTEGER",
            "int8|BIGINT",
            "smallint|SMALLINT",
            "numeric(12,2)|DECIMAL(12,2)",
            "decimal( 15 , 2 )|DECIMAL(15,2)",
            "numeric|DECIMAL(18,0)",
            "char(1)|CHAR(1)",
            "character|CHAR(1)",
            "character varying(40)|VARCHAR(40)",
            "varchar|VARCHAR(256)",
            "varchar(max)|VARCHAR(65535)",
            "string|VARCHAR(256)",
            "text|VARCHAR(256)",
            "float|DOUBLE PRECISION",
            "float(10)|REAL",
            "float8|DOUBLE PRECISION",
            "double precision|DOUBLE PRECISION",
            "real|REAL",
            "bool|BOOLEAN",
            "date|DATE",
            "timestamp|TIMESTAMP",
            "timestamp without time zone|TIMESTAMP",
            "timestamptz|TIMESTAMPTZ",
    })
    void parsesTheCommonSpellingsOfEachType(String text, String sql)
    {
        ColumnType type = ColumnType.parse(text);

        assertThat(type.sql()).isEqualTo(sql);
        assertThat(ColumnType.parse(type.sql())).isEqualTo(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"blob", "varchar(0)", "varchar(70000)", "decimal(40,2)", "decimal(5,6)", "", "int(", "geometry"})
    void rejectsTypesItDoesNotKnowNamingThem(String text)
    {
        assertThatThrownBy(() -> ColumnType.parse(text))
                .isInstanceOf(CaptureException.class)
                .hasMessageContaining(text.isEmpty() ? "type" : text.substring(0, Math.min(4, text.length())));
    }
}
