package io.autotable.simulator.workload.ssb;

import io.autotable.simulator.workload.QuerySet;
import io.autotable.simulator.workload.QueryTemplate;
import io.autotable.simulator.workload.Resources;
import io.autotable.sql.SqlStatements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 13 queries of the Star Schema Benchmark (P. O'Neil, B. O'Neil, X. Chen, "Star Schema
 * Benchmark", rev. 3, 2009), flights Q1.1 to Q4.3, written for autotable against the tables and
 * columns of {@link io.autotable.simulator.data.ssb.SsbGenerator}. They ship as resources of
 * autotable's ({@code io/autotable/simulator/workload/ssb/q1.1.sql} ...) with named parameters
 * ({@code ${year}}) that {@link SsbParameters} fills in per run; a template's statement holds the
 * validation values (those of the paper as MonetDB's copy writes them: Q1.1 {@code d_year = 1993},
 * Q2.1 {@code p_category = 'MFGR#12'}, ...). Plain SQL that H2, the embedded warehouse's engine,
 * runs as written.
 */
public final class SsbQueries
{
    public static final String BENCHMARK = "ssb";
    public static final List<String> NAMES = List.of(
            "q1.1", "q1.2", "q1.3", "q2.1", "q2.2", "q2.3", "q3.1", "q3.2", "q3.3", "q3.4", "q4.1", "q4.2", "q4.3");

    private static final String RESOURCES = "io/autotable/simulator/workload/ssb/";

    private SsbQueries() {}

    public static QuerySet querySet()
    {
        Map<String, List<String>> texts = texts();
        List<QueryTemplate> templates = new ArrayList<>(texts.size());
        texts.forEach((name, statements) -> templates.add(new QueryTemplate(name, SsbParameters.fill(name, statements, SsbParameters.validation(name)))));
        return QuerySet.shipped(BENCHMARK, templates, new SsbParameters(texts), new SsbDrift());
    }

    /** Each query's statements with their {@code ${name}} parameters, the header comment dropped. */
    static Map<String, List<String>> texts()
    {
        Map<String, List<String>> texts = new LinkedHashMap<>();
        for (String name : NAMES) {
            String text = Resources.read(RESOURCES + name + ".sql").replaceFirst("\\A(?:--[^\\n]*\\n)+", "");
            texts.put(name, SqlStatements.split(text));
        }
        return texts;
    }
}
