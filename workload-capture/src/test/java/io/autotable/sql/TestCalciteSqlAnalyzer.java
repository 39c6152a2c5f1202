package io.autotable.sql;

import io.autotable.catalog.Catalog;
import io.autotable.catalog.Column;
import io.autotable.catalog.ColumnType;
import io.autotable.catalog.Table;
import io.autotable.sql.calcite.CalciteSqlAnalyzer;
import io.autotable.workload.Aggregate;
import io.autotable.workload.ColumnRef;
import io.autotable.workload.JoinPair;
import io.autotable.workload.JoinType;
import io.autotable.workload.Predicate;
import io.autotable.workload.PredicateOperator;
import io.autotable.workload.QueryShape;
import io.autotable.workload.StatementKind;
import io.autotable.workload.Write;
import io.autotable.workload.WriteKind;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TestCalciteSqlAnalyzer
{
    private static final Catalog CATALOG = new Catalog(List.of(
            table("orders", "o_orderkey", "o_custkey", "o_orderdate", "o_status"),
            table("customer", "c_custkey", "c_name", "c_nationkey", "c_phone"),
            table("lineitem", "l_orderkey", "l_partkey", "l_quantity", "l_discount", "l_shipdate", "l_comment"),
            table("nation", "n_nationkey", "n_name")));

    private final SqlAnalyzer analyzer = new CalciteSqlAnalyzer();

    @Test
    void resolvesTableAliasesAndDropsSchemaQualifiers()
    {
        QueryShape shape = analyze("select o.o_orderkey from public.orders o join sales.customer as c on o.o_custkey = c.c_custkey");
        assertThat(shape.kind()).isEqualTo(StatementKind.SELECT);
        assertThat(shape.tablesRead()).containsExactly("customer", "orders");
        assertThat(shape.columns()).containsExactly(ref("customer.c_custkey"), ref("orders.o_custkey"), ref("orders.o_orderkey"));
        assertThat(shape.joins()).containsExactly(join("customer.c_custkey", "orders.o_custkey", JoinType.INNER));
    }

    @Test
    void resolvesUnqualifiedNamesToTheTableThatHasThem()
    {
        QueryShape shape = analyze("select c_name from orders, customer where o_custkey = c_custkey and o_status = 'F'");
        assertThat(shape.joins()).containsExactly(join("customer.c_custkey", "orders.o_custkey", JoinType.INNER));
        assertThat(shape.predicates()).containsExactly(predicate("orders.o_status", PredicateOperator.EQUAL, "F"));
        assertThat(shape.columns()).contains(ref("customer.c_name"));
    }

    @Test
    void mapsCteColumnsBackToBaseColumns()
    {
        QueryShape shape = analyze("""
                with big (key, cust) as (select o_orderkey, o_custkey from orders where o_status = 'F'),
                     named as (select c_custkey as id, c_name from customer)
                select c_name from big join named on big.cust = named.id
                """);
        assertThat(shape.tablesRead()).containsExactly("customer", "orders");
        assertThat(shape.joins()).containsExactly(join("customer.c_custkey", "orders.o_custkey", JoinType.INNER));
        assertThat(shape.predicates()).containsExactly(predicate("orders.o_status", PredicateOperator.EQUAL, "F"));
    }

    @Test
    void mapsDerivedTableColumnAliasesBackToBaseColumns()
    {
        QueryShape shape = analyze("""
                select t.k, count(*) from (select l_orderkey, l_quantity * 2 from lineitem) as t (k, doubled), orders
                where t.k = o_orderkey and t.doubled > 10 group by t.k order by 1
                """);
        assertThat(shape.joins()).containsExactly(join("lineitem.l_orderkey", "orders.o_orderkey", JoinType.INNER));
        assertThat(shape.predicates()).isEmpty();
        assertThat(shape.groupBy()).containsExactly(ref("lineitem.l_orderkey"));
        assertThat(shape.orderBy()).containsExactly(ref("lineitem.l_orderkey"));
    }

    @Test
    void mapsUnionColumnsToEveryBranch()
    {
        QueryShape shape = analyze("""
                select c_name from customer, (select o_custkey as k from orders union all select l_partkey from lineitem) u
                where c_custkey = u.k
                """);
        assertThat(shape.joins()).containsExactly(
                join("customer.c_custkey", "lineitem.l_partkey", JoinType.INNER),
                join("customer.c_custkey", "orders.o_custkey", JoinType.INNER));
    }

    @Test
    void resolvesCorrelatedSubqueriesInnerScopeFirst()
    {
        // the subquery's o_orderkey is its own orders; c_custkey comes from the outer query
        QueryShape shape = analyze("""
                select c_name from customer c
                where 10 < (select count(*) from orders o where o.o_custkey = c.c_custkey and o_status = 'O')
                """);
        assertThat(shape.joins()).containsExactly(join("customer.c_custkey", "orders.o_custkey", JoinType.INNER));
        assertThat(shape.predicates()).containsExactly(predicate("orders.o_status", PredicateOperator.EQUAL, "O"));
    }

    @Test
    void labelsExistsAndInSemiAndTheirNegationsAnti()
    {
        assertThat(analyze("select * from orders where exists (select * from lineitem where l_orderkey = o_orderkey)").joins())
                .containsExactly(join("lineitem.l_orderkey", "orders.o_orderkey", JoinType.SEMI));
        assertThat(analyze("select * from orders where not exists (select 1 from lineitem where l_orderkey = o_orderkey)").joins())
                .containsExactly(join("lineitem.l_orderkey", "orders.o_orderkey", JoinType.ANTI));
        assertThat(analyze("select * from orders where o_custkey in (select c_custkey from customer)").joins())
                .containsExactly(join("customer.c_custkey", "orders.o_custkey", JoinType.SEMI));
        assertThat(analyze("select * from orders where o_custkey not in (select c_custkey from customer)").joins())
                .containsExactly(join("customer.c_custkey", "orders.o_custkey", JoinType.ANTI));
    }

    @Test
    void existsSelectStarReadsNoColumns()
    {
        QueryShape shape = analyze("select o_orderkey from orders where exists (select * from lineitem where l_orderkey = o_orderkey)");
        assertThat(shape.columns()).containsExactly(ref("lineitem.l_orderkey"), ref("orders.o_orderkey"));
    }

    @Test
    void takesOuterJoinTypesFromTheJoinKeyword()
    {
        assertThat(analyze("select * from customer left join orders on o_custkey = c_custkey").joins())
                .containsExactly(join("customer.c_custkey", "orders.o_custkey", JoinType.LEFT));
        // orders is the left input, so after putting customer first the pair reads RIGHT
        assertThat(analyze("select * from orders left outer join customer on c_custkey = o_custkey").joins())
                .containsExactly(join("customer.c_custkey", "orders.o_custkey", JoinType.RIGHT));
        assertThat(analyze("select * from customer full join orders on o_custkey = c_custkey").joins())
                .containsExactly(join("customer.c_custkey", "orders.o_custkey", JoinType.FULL));
    }

    @Test
    void joinsUsingAndNaturalOnTheirCommonColumns()
    {
        Catalog catalog = new Catalog(List.of(table("a", "id", "x"), table("b", "id", "y"), table("c", "id", "x")));
        assertThat(analyze("select * from a join b using (id)", catalog).joins())
                .containsExactly(join("a.id", "b.id", JoinType.INNER));
        assertThat(analyze("select * from a natural join c", catalog).joins())
                .containsExactly(join("a.id", "c.id", JoinType.INNER), join("a.x", "c.x", JoinType.INNER));
        assertThat(analyze("select * from a left join b using (id)", catalog).joins())
                .containsExactly(join("a.id", "b.id", JoinType.LEFT));
    }

    @Test
    void skipsSelfJoins()
    {
        assertThat(analyze("select * from orders a, orders b where a.o_orderkey = b.o_orderkey").joins()).isEmpty();
    }

    @Test
    void foldsDateArithmeticInEveryDialectForm()
    {
        assertThat(values("select * from lineitem where l_shipdate <= date '1998-12-01' - interval '90' day")).containsExactly("1998-09-02");
        assertThat(values("select * from lineitem where l_shipdate < date '1994-01-01' + interval '1' year")).containsExactly("1995-01-01");
        assertThat(values("select * from lineitem where l_shipdate < cast('2000-01-01' as date) + interval 30 days", SqlDialect.SPARK))
                .containsExactly("2000-01-31");
        assertThat(values("select * from lineitem where l_shipdate <= (cast('1999-02-22' as date) + INTERVAL '30' DAY)")).containsExactly("1999-03-24");
        assertThat(values("select * from lineitem where l_shipdate < dateadd(month, 3, cast('1995-11-01' as date))", SqlDialect.REDSHIFT))
                .containsExactly("1996-02-01");
    }

    @Test
    void foldsNumericArithmeticToPlainNumbers()
    {
        QueryShape shape = analyze("select * from lineitem where l_discount between 0.06 - 0.01 and 0.06 + 0.01 and l_quantity < 24.00");
        assertThat(shape.predicates()).containsExactly(
                new Predicate(ref("lineitem.l_discount"), PredicateOperator.BETWEEN, List.of("0.05", "0.07")),
                predicate("lineitem.l_quantity", PredicateOperator.LESS_THAN, "24"));
    }

    @Test
    void flipsTheOperatorWhenTheLiteralIsOnTheLeft()
    {
        assertThat(analyze("select * from lineitem where 24 > l_quantity and 5 <= l_discount").predicates()).containsExactly(
                predicate("lineitem.l_quantity", PredicateOperator.LESS_THAN, "24"),
                predicate("lineitem.l_discount", PredicateOperator.GREATER_THAN_OR_EQUAL, "5"));
    }

    @Test
    void readsEveryPredicateOperator()
    {
        QueryShape shape = analyze("""
                select * from orders where o_status <> 'F' and o_orderkey in (1, 2, 3) and o_custkey not in (4, 5)
                and o_status like 'ab%' and o_status like '%ab' and o_orderdate is null and o_custkey is not null
                and o_orderkey >= 7 and o_orderkey between 1 and 9
                """);
        assertThat(shape.predicates()).containsExactly(
                predicate("orders.o_status", PredicateOperator.NOT_EQUAL, "F"),
                new Predicate(ref("orders.o_orderkey"), PredicateOperator.IN, List.of("1", "2", "3")),
                new Predicate(ref("orders.o_custkey"), PredicateOperator.NOT_IN, List.of("4", "5")),
                predicate("orders.o_status", PredicateOperator.LIKE_PREFIX, "ab"),
                predicate("orders.o_status", PredicateOperator.LIKE, "%ab"),
                new Predicate(ref("orders.o_orderdate"), PredicateOperator.IS_NULL, List.of()),
                new Predicate(ref("orders.o_custkey"), PredicateOperator.IS_NOT_NULL, List.of()),
                predicate("orders.o_orderkey", PredicateOperator.GREATER_THAN_OR_EQUAL, "7"),
                new Predicate(ref("orders.o_orderkey"), PredicateOperator.BETWEEN, List.of("1", "9")));
    }

    @Test
    void listsPredicatesAgainstNonConstantsWithoutValues()
    {
        QueryShape shape = analyze("select * from orders where o_orderkey = ? and o_custkey < (select max(c_custkey) from customer)");
        assertThat(shape.predicates()).containsExactly(
                new Predicate(ref("orders.o_orderkey"), PredicateOperator.EQUAL, List.of()),
                new Predicate(ref("orders.o_custkey"), PredicateOperator.LESS_THAN, List.of()));
        assertThat(analyze("select * from orders where o_orderkey = $1", SqlDialect.POSTGRESQL).predicates())
                .extracting(Predicate::column).containsExactly(ref("orders.o_orderkey"));
    }

    @Test
    void leavesComparisonsBetweenColumnsOutOfPredicates()
    {
        assertThat(analyze("select * from lineitem where l_quantity < l_discount * 2").predicates()).isEmpty();
    }

    @Test
    void resolvesGroupOrderAndPartitionByThroughSelectAliases()
    {
        QueryShape shape = analyze("""
                select c_nationkey as nation, sum(o_orderkey) as revenue,
                       rank() over (partition by c_name order by c_custkey) as r
                from customer, orders where c_custkey = o_custkey
                group by nation, c_name, c_custkey order by revenue desc, nation
                """);
        assertThat(shape.groupBy()).containsExactly(ref("customer.c_nationkey"), ref("customer.c_name"), ref("customer.c_custkey"));
        assertThat(shape.orderBy()).containsExactly(ref("customer.c_nationkey"));
        assertThat(shape.partitionBy()).containsExactly(ref("customer.c_name"));
    }

    @Test
    void readsAggregatesAndDistinct()
    {
        QueryShape shape = analyze("select distinct count(*), count(distinct o_custkey), SUM(o_orderkey * 2), avg(o_orderkey) from orders");
        assertThat(shape.distinct()).isTrue();
        assertThat(shape.aggregates()).containsExactly(
                new Aggregate("count", Optional.empty(), false),
                new Aggregate("count", Optional.of(ref("orders.o_custkey")), true),
                new Aggregate("sum", Optional.empty(), false),
                new Aggregate("avg", Optional.of(ref("orders.o_orderkey")), false));
        assertThat(analyze("select o_custkey from orders").distinct()).isFalse();
    }

    @Test
    void leavesUnknownColumnsAndExpressionAliasesOut()
    {
        QueryShape shape = analyze("select o_orderkey * 2 as doubled, no_such_column from orders, mystery m order by doubled");
        assertThat(shape.tablesRead()).containsExactly("mystery", "orders");
        assertThat(shape.columns()).containsExactly(ref("orders.o_orderkey"));
        assertThat(shape.orderBy()).isEmpty();
    }

    @Test
    void warnsAboutEquiJoinsThatDoNotResolve()
    {
        Analysis analysis = analyzer.analyze("select * from orders, mystery m where o_custkey = m.id", CATALOG, SqlDialect.ANSI);
        assertThat(analysis.shape()).isPresent();
        assertThat(analysis.warnings()).singleElement().asString().contains("m.id");
    }

    @Test
    void recordsEveryKindOfWrite()
    {
        QueryShape insert = analyze("insert into orders (o_orderkey, o_custkey) select c_custkey, c_nationkey from customer");
        assertThat(insert.kind()).isEqualTo(StatementKind.INSERT);
        assertThat(insert.writes()).containsExactly(new Write("orders", WriteKind.INSERT));
        assertThat(insert.tablesRead()).containsExactly("customer");

        QueryShape update = analyze("update orders set o_status = 'X' where o_orderkey = 5");
        assertThat(update.kind()).isEqualTo(StatementKind.UPDATE);
        assertThat(update.writes()).containsExactly(new Write("orders", WriteKind.UPDATE));
        assertThat(update.predicates()).containsExactly(predicate("orders.o_orderkey", PredicateOperator.EQUAL, "5"));

        QueryShape delete = analyze("delete from lineitem where l_orderkey in (select o_orderkey from orders where o_status = 'F')");
        assertThat(delete.kind()).isEqualTo(StatementKind.DELETE);
        assertThat(delete.writes()).containsExactly(new Write("lineitem", WriteKind.DELETE));
        assertThat(delete.joins()).containsExactly(join("lineitem.l_orderkey", "orders.o_orderkey", JoinType.SEMI));

        QueryShape merge = analyze("""
                merge into customer c using nation n on c.c_nationkey = n.n_nationkey
                when matched then update set c_name = n.n_name
                when not matched then insert (c_custkey, c_name) values (n.n_nationkey, n.n_name)
                """);
        assertThat(merge.kind()).isEqualTo(StatementKind.MERGE);
        assertThat(merge.writes()).containsExactly(new Write("customer", WriteKind.MERGE));
        assertThat(merge.joins()).containsExactly(join("customer.c_nationkey", "nation.n_nationkey", JoinType.INNER));

        QueryShape ctas = analyze("create table recent as select * from orders where o_orderdate > date '2020-01-01'");
        assertThat(ctas.kind()).isEqualTo(StatementKind.CREATE_TABLE_AS);
        assertThat(ctas.writes()).containsExactly(new Write("recent", WriteKind.CREATE_TABLE_AS));
        assertThat(ctas.tablesRead()).containsExactly("orders");

        QueryShape copy = analyze("-- load\nCOPY public.lineitem FROM 's3://bucket/lineitem/' IAM_ROLE 'arn:aws:iam::1:role/x' GZIP", SqlDialect.REDSHIFT);
        assertThat(copy.kind()).isEqualTo(StatementKind.COPY);
        assertThat(copy.writes()).containsExactly(new Write("lineitem", WriteKind.COPY));
    }

    @Test
    void aViewDefinitionHasTheShapeOfItsQuery()
    {
        QueryShape view = analyze("-- q15\nCREATE OR REPLACE VIEW revenue (supplier_no, total) AS\n"
                + "select l_partkey, sum(l_discount) from lineitem join orders on l_orderkey = o_orderkey where l_shipdate >= date '1996-01-01' group by l_partkey");

        assertThat(view.kind()).isEqualTo(StatementKind.DDL);
        assertThat(view.tablesRead()).containsExactly("lineitem", "orders");
        assertThat(view.joins()).containsExactly(join("lineitem.l_orderkey", "orders.o_orderkey", JoinType.INNER));
        assertThat(view.predicates()).extracting(predicate -> predicate.column().toString()).containsExactly("lineitem.l_shipdate");
    }

    @Test
    void quotesIdentifiersPerDialect()
    {
        assertThat(analyze("select `o_orderkey` from `orders`", SqlDialect.SPARK).columns()).containsExactly(ref("orders.o_orderkey"));
        assertThat(analyze("select \"O_ORDERKEY\" from \"orders\"", SqlDialect.REDSHIFT).columns()).containsExactly(ref("orders.o_orderkey"));
    }

    @Test
    void reportsAnUnterminatedQuoteWithItsPosition()
    {
        Analysis analysis = analyzer.analyze("select *\nfrom orders where o_status = 'F", CATALOG, SqlDialect.ANSI);
        assertThat(analysis.shape()).isEmpty();
        ParseError error = analysis.error().orElseThrow();
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isBetween(1, 31);
        assertThat(error.reason()).isNotBlank();
    }

    @Test
    void reportsEmptyAndBlankStatements()
    {
        assertThat(analyzer.analyze("", CATALOG, SqlDialect.ANSI).error()).isPresent();
        assertThat(analyzer.analyze("  -- nothing\n", CATALOG, SqlDialect.ANSI).error()).isPresent();
        assertThat(analyzer.analyze(null, CATALOG, SqlDialect.ANSI).error()).isPresent();
    }

    @Test
    void neverThrowsOnGarbage()
    {
        SplittableRandom random = new SplittableRandom(42);
        String alphabet = "select from where ( ) ' \" ` , . ; * = < > - + / 0 1 a b \u0000 \n \t é 中 $ ? :: [ ] { } --";
        String[] tokens = alphabet.split(" ");
        for (int i = 0; i < 200; i++) {
            StringBuilder sql = new StringBuilder();
            int length = random.nextInt(1, 40);
            for (int j = 0; j < length; j++) {
                if (random.nextInt(4) == 0) {
                    sql.append((char) random.nextInt(0, 0xFFFF));
                }
                else {
                    sql.append(tokens[random.nextInt(tokens.length)]).append(' ');
                }
            }
            Analysis analysis = analyzer.analyze(sql.toString(), CATALOG, SqlDialect.values()[i % 4]);
            assertThat(analysis.shape().isPresent()).isNotEqualTo(analysis.error().isPresent());
        }
    }

    @Test
    void neverThrowsOnMutatedBenchmarkQueries()
    {
        SplittableRandom random = new SplittableRandom(7);
        List<BenchmarkWorkloads.Statement> statements = BenchmarkWorkloads.tpch();
        for (int i = 0; i < 60; i++) {
            BenchmarkWorkloads.Statement statement = statements.get(random.nextInt(statements.size()));
            String sql = statement.sql();
            int cut = random.nextInt(sql.length());
            String mutated = switch (random.nextInt(3)) {
                case 0 -> sql.substring(0, cut);
                case 1 -> sql.substring(0, cut) + sql.substring(Math.min(sql.length(), cut + random.nextInt(1, 20)));
                default -> sql.substring(0, cut) + "'" + sql.substring(cut);
            };
            Analysis analysis = analyzer.analyze(mutated, statement.catalog(), statement.dialect());
            assertThat(analysis.shape().isPresent()).isNotEqualTo(analysis.error().isPresent());
        }
    }

    @Test
    void analysesOrRejectsAOneMegabyteStatement()
    {
        StringBuilder sql = new StringBuilder("select * from orders where o_orderkey in (");
        while (sql.length() < 1_000_000) {
            sql.append("123456, ");
        }
        sql.append("1)");
        Analysis analysis = analyzer.analyze(sql.toString(), CATALOG, SqlDialect.ANSI);
        assertThat(analysis.shape().isPresent()).isNotEqualTo(analysis.error().isPresent());

        char[] nested = new char[1_000_000];
        Arrays.fill(nested, '(');
        assertThat(analyzer.analyze("select " + new String(nested), CATALOG, SqlDialect.ANSI).error()).isPresent();
    }

    private QueryShape analyze(String sql)
    {
        return analyze(sql, SqlDialect.ANSI);
    }

    private QueryShape analyze(String sql, SqlDialect dialect)
    {
        return analyze(sql, CATALOG, dialect);
    }

    private QueryShape analyze(String sql, Catalog catalog)
    {
        return analyze(sql, catalog, SqlDialect.ANSI);
    }

    private QueryShape analyze(String sql, Catalog catalog, SqlDialect dialect)
    {
        Analysis analysis = analyzer.analyze(sql, catalog, dialect);
        assertThat(analysis.error()).as(sql).isEmpty();
        return analysis.shape().orElseThrow();
    }

    private List<String> values(String sql)
    {
        return values(sql, SqlDialect.ANSI);
    }

    private List<String> values(String sql, SqlDialect dialect)
    {
        List<Predicate> predicates = analyze(sql, dialect).predicates();
        assertThat(predicates).as(sql).hasSize(1);
        return predicates.get(0).values();
    }

    private static Table table(String name, String... columns)
    {
        return Table.declared(name, Arrays.stream(columns).map(column -> Column.of(column, ColumnType.parse("integer"))).toList());
    }

    private static ColumnRef ref(String text)
    {
        return ColumnRef.parse(text);
    }

    private static JoinPair join(String left, String right, JoinType type)
    {
        return new JoinPair(ref(left), ref(right), type);
    }

    private static Predicate predicate(String column, PredicateOperator operator, String value)
    {
        return new Predicate(ref(column), operator, List.of(value));
    }
}
