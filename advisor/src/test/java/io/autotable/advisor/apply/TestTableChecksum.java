package io.autotable.advisor.apply;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class TestTableChecksum
{
    @Test
    void agreesWithSortedRowsOracleOnRandomTables()
            throws SQLException
    {
        SplittableRandom random = new SplittableRandom(7);
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:checksum", "sa", "")) {
            for (int round = 0; round < 60; round++) {
                List<Object[]> rows = randomRows(random.split(), random.nextInt(0, 200));
                List<Object[]> other = new ArrayList<>(rows);
                switch (round % 4) {
                    case 0 -> Collections.shuffle(other, new Random(round));
                    case 1 -> {
                        if (!other.isEmpty()) {
                            other.remove(random.nextInt(other.size()));
                        }
                    }
                    case 2 -> {
                        if (!other.isEmpty()) {
                            other.add(other.get(random.nextInt(other.size())));
                        }
                    }
                    default -> other = randomRows(random.split(), rows.size());
                }
                load(connection, "a", rows);
                load(connection, "b", other);
                boolean sameMultiset = TestingRewrites.rows(connection, "SELECT * FROM a ORDER BY 1, 2, 3, 4")
                        .equals(TestingRewrites.rows(connection, "SELECT * FROM b ORDER BY 1, 2, 3, 4"));
                assertThat(TableChecksum.of(connection, "a").equals(TableChecksum.of(connection, "b"))).as("round %d", round).isEqualTo(sameMultiset);
                if (round % 4 == 1 || round % 4 == 2) {
                    assertThat(sameMultiset).as("a lost or duplicated row").isEqualTo(rows.isEmpty() && other.isEmpty());
                }
            }
        }
    }

    @Test
    void detectsALostAndADuplicatedRowWithEqualSums()
    {
        long a = TableChecksum.rowHash(1L, "x");
        long b = TableChecksum.rowHash(2L, null);
        // one row duplicated and another lost: the count is the same, the sum is not
        assertThat(a + a).isNotEqualTo(a + b);
        assertThat(TableChecksum.rowHash("ab", "c")).isNotEqualTo(TableChecksum.rowHash("a", "bc"));
        assertThat(TableChecksum.rowHash((Object) null)).isNotEqualTo(TableChecksum.rowHash("null"));
    }

    /** Few distinct values, so duplicates and NULLs are common. */
    private static List<Object[]> randomRows(SplittableRandom random, int count)
    {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {
                    random.nextInt(4) == 0 ? null : (long) random.nextInt(10),
                    random.nextInt(4) == 0 ? null : List.of("a", "b", "ab", "").get(random.nextInt(4)),
                    random.nextInt(5) == 0 ? null : BigDecimal.valueOf(random.nextInt(5), 1),
                    random.nextBoolean()});
        }
        return rows;
    }

    private static void load(Connection connection, String table, List<Object[]> rows)
            throws SQLException
    {
        new WarehouseTables(connection).execute("DROP TABLE IF EXISTS " + table);
        new WarehouseTables(connection).execute("CREATE TABLE %s (n BIGINT, s VARCHAR(10), d DECIMAL(5, 1), f BOOLEAN)".formatted(table));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO %s VALUES (?, ?, ?, ?)".formatted(table))) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.executeUpdate();
            }
        }
    }
}
