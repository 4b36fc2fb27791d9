package dev.migrator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.dialect.Dialects;
import dev.migrator.error.BadInputException;
import org.junit.jupiter.api.Test;

class CliConnectionSettingsTest {

    @Test
    void jdbcUrlsPassThroughUnchanged() {
        ConnectionSettings settings = ConnectionSettings.parse(" jdbc:postgresql://db:5432/app?sslmode=require ");
        assertThat(settings).isEqualTo(new ConnectionSettings("jdbc:postgresql://db:5432/app?sslmode=require", null, null));
    }

    @Test
    void postgresqlUrlsBecomeJdbcWithUserAndPassword() {
        assertThat(ConnectionSettings.parse("postgresql://app:s3cret@db.example:6543/orders?sslmode=require"))
                .isEqualTo(new ConnectionSettings("jdbc:postgresql://db.example:6543/orders?sslmode=require", "app",
                        "s3cret"));
        assertThat(ConnectionSettings.parse("postgres://app@localhost/orders"))
                .isEqualTo(new ConnectionSettings("jdbc:postgresql://localhost/orders", "app", null));
    }

    @Test
    void percentEncodedCredentialsAreDecodedAndPlusStaysPlus() {
        ConnectionSettings settings = ConnectionSettings.parse("postgresql://us%40er:p%3Aw+d%2F@h:1/d");
        assertThat(settings.user()).isEqualTo("us@er");
        assertThat(settings.password()).isEqualTo("p:w+d/");
    }

    @Test
    void mariadbAndMysqlUrlsKeepTheirDialect() {
        ConnectionSettings mariadb = ConnectionSettings.parse("mariadb://root:pw@127.0.0.1:3306/shop");
        assertThat(mariadb.jdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/shop");
        assertThat(Dialects.fromUrl(mariadb.jdbcUrl()).name()).isEqualTo("mariadb");
        ConnectionSettings mysql = ConnectionSettings.parse("mysql://root@127.0.0.1/shop?useSsl=false");
        assertThat(mysql.jdbcUrl()).isEqualTo("jdbc:mysql://127.0.0.1/shop?useSsl=false&permitMysqlScheme");
        assertThat(Dialects.fromUrl(mysql.jdbcUrl()).name()).isEqualTo("mysql");
    }

    @Test
    void ipv6HostsAndMissingDatabaseAreKept() {
        assertThat(ConnectionSettings.parse("postgresql://[::1]:5432").jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5432/");
    }

    @Test
    void unknownSchemesAreBadInputWithoutThePassword() {
        assertThatThrownBy(() -> ConnectionSettings.parse("sqlite://u:topsecret@h/d"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("sqlite://u:***@h/d")
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> ConnectionSettings.parse("localhost:5432/db")).isInstanceOf(BadInputException.class);
    }

    @Test
    void explicitCredentialsWinOverTheUrls() {
        ConnectionSettings settings = ConnectionSettings.parse("postgresql://a:b@h/d").withCredentials("c", null);
        assertThat(settings.user()).isEqualTo("c");
        assertThat(settings.password()).isEqualTo("b");
        assertThat(settings.toString()).doesNotContain("b@").contains("as c");
    }
}
