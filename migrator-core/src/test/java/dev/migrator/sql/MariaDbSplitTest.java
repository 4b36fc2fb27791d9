package dev.migrator.sql;

import dev.migrator.internal.sql.MySqlSplitter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.testing.DatabaseKind;
import dev.migrator.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link MySqlSplitter} against the real MariaDB server, and against the real mariadb client. */
class MariaDbSplitTest {

    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:(?:mariadb|mysql)://([^:/]+)(?::(\\d+))?/.*$");
    private static final String RULE = "--------------";

    private static final String SCRIPT = """
            CREATE TABLE account (id INT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(50) NOT NULL,
                                  balance INT NOT NULL DEFAULT 0);
            CREATE TABLE audit (id INT PRIMARY KEY AUTO_INCREMENT, account_id INT, note VARCHAR(100));

            DELIMITER //
            CREATE PROCEDURE open_account(IN p_name VARCHAR(50), IN p_balance INT, OUT p_id INT)
            BEGIN
              -- a comment; with a semicolon
              INSERT INTO account (name, balance) VALUES (p_name, p_balance);
              SET p_id = LAST_INSERT_ID();
            END //

            CREATE TRIGGER account_audit BEFORE INSERT ON account FOR EACH ROW
            BEGIN
              IF NEW.balance < 0 THEN
                SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'negative; balance';
              END IF;
              SET NEW.name = CONCAT(NEW.name, ';');
            END//
            DELIMITER ;
            /*!40101 SET @opened = 'by script' */;
            CALL open_account('ann', 10, @id); # the first account
            INSERT INTO audit (account_id, note) VALUES (@id, @opened);
            """;

    @TempDir
    Path dir;

    @Test
    void scriptWithDelimiterDefinedProcedureAndTriggerRunsOverJdbc() throws SQLException {
        List<SqlStatement> statements = new MySqlSplitter().split(SCRIPT, 1);
        assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 3, 6, 13, 21, 22, 23);
        try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB); Connection c = db.connect()) {
            try (Statement st = c.createStatement()) {
                for (SqlStatement statement : statements) {
                    st.execute(statement.sql());
                }
            }
            try (CallableStatement call = c.prepareCall("{call open_account(?, ?, ?)}")) {
                call.setString(1, "bob");
                call.setInt(2, 5);
                call.registerOutParameter(3, java.sql.Types.INTEGER);
                call.execute();
                assertThat(call.getInt(3)).isEqualTo(2);
            }
            assertThat(rows(c, "SELECT CONCAT(id, ' ', name, ' ', balance) FROM account ORDER BY id"))
                    .containsExactly("1 ann; 10", "2 bob; 5");
            assertThat(rows(c, "SELECT CONCAT(account_id, ' ', note) FROM audit")).containsExactly("1 by script");
            assertThatThrownBy(() -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CALL open_account('eve', -1, @id)");
                }
            }).isInstanceOf(SQLException.class).hasMessageContaining("negative; balance");
        }
    }

    /** Scripts the mariadb client runs; the statements it sends ({@code -vvv} echoes them) must be the split's. */
    @ParameterizedTest
    @ValueSource(strings = {
        SCRIPT,
        "SELECT 1 -- c\n;\n/*!40101 SELECT 2; SELECT 3 */;\ndelimiter //\nSELECT 'a;' //\n DELIMITER ;\nSELECT 4; # x\n"
                + "SELECT 5 --1\n;\nSELECT \"q\\\";\" ;\nSELECT`a;` FROM (SELECT 1 AS `a;`) t;\n",
        "SELECT 1\ndelimiter //\n;\nDELIMITER '$$' junk\nSELECT '$$', \\N $$ SELECT 2$$SELECT 3 $$\ndelimiter ;;\n"
                + "SELECT 4;;\ndelimiter ;\n  # c\n -- d\nSELECT 'it''s', \"x\"\"y\", '\\\\';",
        "SELECT 1; SELECT 'oops;\nSELECT 3;",
    })
    void splitsLikeTheMariadbClient(String script) throws Exception {
        try (TestDatabase db = TestDatabase.create(DatabaseKind.MARIADB)) {
            List<String> sent = client(db, script);
            List<String> split = new MySqlSplitter().split(script, 1).stream().map(SqlStatement::sql)
                    // the client drops comments, inner ones too
                    .map(sql -> sql.replaceAll("(?m)(--[ \\t]|#).*$", "").strip()).toList();
            assertThat(split).containsExactlyElementsOf(sent);
        }
    }

    private List<String> client(TestDatabase db, String script) throws IOException, InterruptedException {
        Matcher m = HOST_PORT.matcher(db.url());
        assertThat(m.matches()).as("MariaDB URL " + db.url()).isTrue();
        Path in = dir.resolve("script.sql");
        Files.writeString(in, script, StandardCharsets.UTF_8);
        Path out = dir.resolve("client.out");
        ProcessBuilder builder = new ProcessBuilder("mariadb", "-h", m.group(1), "-P", m.group(2) == null ? "3306" : m.group(2),
                "-u", db.user(), "-vvv", "--force", db.name())
                .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (!db.password().isEmpty()) {
            builder.environment().put("MYSQL_PWD", db.password());
        }
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mariadb did not finish within 2 minutes");
        }
        List<String> queries = new ArrayList<>();
        StringBuilder query = null;
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            if (line.equals(RULE)) {
                if (query == null) {
                    query = new StringBuilder();
                } else {
                    queries.add(query.toString().stripTrailing());
                    query = null;
                }
            } else if (query != null) {
                query.append(line).append('\n');
            }
        }
        return queries;
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
