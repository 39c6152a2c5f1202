package io.autotable.advisor;

import io.autotable.design.TableDesign;

import java.util.List;

/**
 * The DDL that applies a recommendation on one engine. Each dialect says how its engine changes a
 * table's distribution, sort key or encodings from one design to the other, in as few statements
 * as the engine allows.
 */
public interface DdlDialect
{
    /** The dialect's name in reports: {@code redshift}, {@code embedded}. */
    String name();

    /**
     * The statements, each ending with a semicolon, that change {@code table} from {@code before}
     * to {@code after} for the given kind of change; empty when nothing of that kind differs.
     */
    List<String> statements(String table, Recommendation.Kind kind, TableDesign before, TableDesign after);
}
