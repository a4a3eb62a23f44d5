package uk.csc.workflow.casefile;

import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One INSERT for many rows that differ in one value (a search's audit entries, a child's name
 * keys): one round trip, not one per row. Rows go in statements of at most {@link #AT_ONCE}, far
 * below the drivers' limits of bound values.
 */
final class ManyRows {

    static final int AT_ONCE = 1000;

    private ManyRows() {
    }

    /**
     * @param insertInto "INSERT INTO t (a, b) VALUES "
     * @param row        the i-th row's values, binding the varying value as {@code :<varying><i>}
     * @param shared     the values every row binds by name
     */
    static void insert(JdbcClient jdbc, String insertInto, IntFunction<String> row, Map<String, ?> shared, String varying,
                       List<?> values) {
        for (int from = 0; from < values.size(); from += AT_ONCE) {
            List<?> chunk = values.subList(from, Math.min(values.size(), from + AT_ONCE));
            StringBuilder sql = new StringBuilder(insertInto);
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(row.apply(i));
            }
            var statement = jdbc.sql(sql.toString()).params(shared);
            for (int i = 0; i < chunk.size(); i++) {
                statement = statement.param(varying + i, chunk.get(i));
            }
            statement.update();
        }
    }
}
