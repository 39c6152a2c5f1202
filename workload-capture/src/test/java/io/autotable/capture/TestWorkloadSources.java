package io.autotable.capture;

import io.autotable.error.CaptureException;
import io.autotable.error.ErrorCode;
import io.autotable.sql.fingerprint.LexicalFingerprinter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestWorkloadSources
{
    @Test
    void findsEverySourceByItsFormat()
    {
        LexicalFingerprinter fingerprinter = new LexicalFingerprinter();

        assertThat(WorkloadSources.all(fingerprinter)).extracting(WorkloadSource::format)
                .containsExactly("sql", "jsonl", "redshift-sys-query-history", "redshift-stl-query", "pg-stat-statements");
        for (WorkloadSource source : WorkloadSources.all(fingerprinter)) {
            assertThat(WorkloadSources.byFormat(source.format(), fingerprinter).format()).isEqualTo(source.format());
        }
    }

    @Test
    void unknownFormatListsTheValidOnes()
    {
        assertThatThrownBy(() -> WorkloadSources.byFormat("csv", new LexicalFingerprinter()))
                .isInstanceOfSatisfying(CaptureException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("'csv'")
                .hasMessageContaining("sql, jsonl, redshift-sys-query-history, redshift-stl-query, pg-stat-statements");
    }
}
