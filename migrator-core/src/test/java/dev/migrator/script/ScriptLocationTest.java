package dev.migrator.script;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptLocationTest {

    @Test
    void classpathPrefixIsCaseInsensitiveAndSlashesAreTrimmed() {
        assertThat(ScriptLocation.parse("CLASSPATH:/db/migrations/")).isEqualTo(new ScriptLocation(true, "db/migrations"));
    }

    @Test
    void filesystemPrefixAndBarePathsAreFolders() {
        assertThat(ScriptLocation.parse("filesystem:/srv/db")).isEqualTo(new ScriptLocation(false, "/srv/db"));
        assertThat(ScriptLocation.parse("src/main/resources/db/migrations"))
                .isEqualTo(new ScriptLocation(false, "src/main/resources/db/migrations"));
    }

    @Test
    void commaSeparatedListsSkipBlanks() {
        assertThat(ScriptLocation.parseAll("classpath:a, ,filesystem:b,"))
                .containsExactly(new ScriptLocation(true, "a"), new ScriptLocation(false, "b"));
    }

    @Test
    void vendorIsReplaced() {
        assertThat(ScriptLocation.parse("classpath:db/{vendor}").forVendor("mariadb").path()).isEqualTo("db/mariadb");
        assertThat(ScriptLocation.parse("classpath:db/{vendor}").toString()).isEqualTo("classpath:db/{vendor}");
    }
}
