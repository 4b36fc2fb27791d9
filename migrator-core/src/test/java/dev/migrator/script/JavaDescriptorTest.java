package dev.migrator.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.error.ScriptException;
import dev.migrator.internal.script.Checksums;
import dev.migrator.graph.Revision;
import org.junit.jupiter.api.Test;

/** The script of a Java revision: its class, its declared version (the checksum) and its sections without SQL. */
class JavaDescriptorTest {

    private static final String DESCRIPTOR = """
            -- migrator:revision 7c1d2e3f4a5b
            -- migrator:down 3f2a9c1b7d4e
            -- migrator:message backfill emails
            -- migrator:java com.example.migrations.BackfillEmails
            -- migrator:java-version 1

            -- migrator:upgrade
            -- BackfillEmails.upgrade(connection) runs here

            -- migrator:downgrade
            -- BackfillEmails.downgrade(connection) runs here
            """;

    @Test
    void readsTheClassAndVersionAndKeepsTheGraphHeaders() {
        RevisionScript script = ScriptParser.parse(DESCRIPTOR, "j.sql");
        assertThat(script.java()).isEqualTo(new JavaReference("com.example.migrations.BackfillEmails", "1"));
        assertThat(script.java().simpleName()).isEqualTo("BackfillEmails");
        assertThat(script.parents()).containsExactly("3f2a9c1b7d4e");
        assertThat(script.reversible()).isTrue();
        Revision revision = script.toRevision();
        assertThat(revision.javaClass()).isEqualTo("com.example.migrations.BackfillEmails");
        assertThat(ScriptParser.parse("-- migrator:revision a\n-- migrator:upgrade\n", "a.sql").java()).isNull();
    }

    @Test
    void withoutADowngradeMarkerItIsIrreversible() {
        String irreversible = DESCRIPTOR.substring(0, DESCRIPTOR.indexOf("-- migrator:downgrade"));
        assertThat(ScriptParser.parse(irreversible, "j.sql").reversible()).isFalse();
    }

    @Test
    void theChecksumComesFromTheVersionAlone() {
        String checksum = ScriptParser.parse(DESCRIPTOR, "j.sql").checksum();
        assertThat(checksum).isEqualTo(Checksums.sha256("java-version 1"));
        String moved = DESCRIPTOR.replace("com.example.migrations.BackfillEmails", "com.example.data.Backfill")
                .replace("runs here", "does it");
        assertThat(ScriptParser.parse(moved, "j.sql").checksum()).isEqualTo(checksum);
        assertThat(ScriptParser.parse(DESCRIPTOR.replace("java-version 1", "java-version 2"), "j.sql").checksum())
                .isNotEqualTo(checksum);
    }

    @Test
    void sqlInASectionIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> ScriptParser.parse(DESCRIPTOR.replace("-- BackfillEmails.downgrade(connection) runs here",
                "UPDATE account SET email = NULL;"), "j.sql"))
                .isInstanceOf(ScriptException.class).hasMessageContaining("j.sql:11")
                .hasMessageContaining("Java revision 7c1d2e3f4a5b holds SQL");
    }

    @Test
    void aMissingOrMalformedVersionOrClassIsAnError() {
        assertThatThrownBy(() -> ScriptParser.parse(DESCRIPTOR.replace("-- migrator:java-version 1\n", ""), "j.sql"))
                .hasMessageContaining("j.sql:4").hasMessageContaining("has no '-- migrator:java-version'");
        assertThatThrownBy(() -> ScriptParser.parse(DESCRIPTOR.replace("java-version 1", "java-version one two"),
                "j.sql")).hasMessageContaining("j.sql:5").hasMessageContaining("is 'one two'");
        assertThatThrownBy(() -> ScriptParser.parse(DESCRIPTOR.replace("com.example.migrations.BackfillEmails",
                "com.example.Backfill-Emails"), "j.sql")).hasMessageContaining("j.sql:4")
                .hasMessageContaining("is not a class name");
        assertThatThrownBy(() -> ScriptParser.parse(DESCRIPTOR.replace("-- migrator:java com.example.migrations"
                + ".BackfillEmails\n", ""), "j.sql")).hasMessageContaining("j.sql:4")
                .hasMessageContaining("'-- migrator:java-version' without '-- migrator:java CLASS'");
    }

    @Test
    void aJavaRevisionIsNotRepeatable() {
        assertThatThrownBy(() -> ScriptParser.parse("-- migrator:revision r\n-- migrator:repeatable true\n"
                + "-- migrator:java a.B\n-- migrator:java-version 1\n-- migrator:upgrade\n", "r.sql"))
                .hasMessageContaining("r.sql:3").hasMessageContaining("a Java revision is versioned");
    }
}
