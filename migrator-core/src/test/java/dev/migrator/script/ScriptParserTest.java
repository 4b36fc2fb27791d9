package dev.migrator.script;

import dev.migrator.internal.script.Checksums;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.error.ScriptException;
import org.junit.jupiter.api.Test;

class ScriptParserTest {

    private static final String FULL = """
            -- migrator:revision 3f2a9c1b7d4e
            -- migrator:down 1a2b3c4d5e6f
            -- migrator:message create accounts
            -- migrator:branch-labels billing
            -- migrator:depends-on 9e8d7c6b5a4f
            -- migrator:transactional true
            -- an ordinary comment in the header is ignored

            -- migrator:upgrade
            CREATE TABLE account (id bigint PRIMARY KEY, name text NOT NULL);

            -- migrator:downgrade
            DROP TABLE account;
            """;

    @Test
    void readsEveryHeaderOfTheSpecExample() {
        RevisionScript script = ScriptParser.parse(FULL, "a.sql");
        assertThat(script.id()).isEqualTo("3f2a9c1b7d4e");
        assertThat(script.parents()).containsExactly("1a2b3c4d5e6f");
        assertThat(script.message()).isEqualTo("create accounts");
        assertThat(script.branchLabels()).containsExactly("billing");
        assertThat(script.dependsOn()).containsExactly("9e8d7c6b5a4f");
        assertThat(script.transactional()).isTrue();
        assertThat(script.source()).isEqualTo("a.sql");
    }

    @Test
    void sectionsKeepTheirTextAndStartingLine() {
        RevisionScript script = ScriptParser.parse(FULL, "a.sql");
        assertThat(script.upgrade().firstLine()).isEqualTo(10);
        assertThat(script.upgrade().sql()).startsWith("CREATE TABLE account").endsWith("NOT NULL);\n");
        assertThat(script.downgrade()).isNotNull();
        assertThat(script.downgrade().firstLine()).isEqualTo(13);
        assertThat(script.downgrade().sql().trim()).isEqualTo("DROP TABLE account;");
    }

    @Test
    void commaSeparatedParentsMakeAMerge() {
        RevisionScript script = ScriptParser.parse("""
                -- migrator:revision m1
                -- migrator:down a1 , b2,
                -- migrator:upgrade
                """, "m.sql");
        assertThat(script.parents()).containsExactly("a1", "b2");
        assertThat(script.toRevision().isMerge()).isTrue();
    }

    @Test
    void absentOrEmptyDownMakesABase() {
        assertThat(ScriptParser.parse("-- migrator:revision a\n-- migrator:upgrade\n", "x").parents()).isEmpty();
        assertThat(ScriptParser.parse("-- migrator:revision a\n-- migrator:down\n-- migrator:upgrade\n", "x").parents())
                .isEmpty();
    }

    @Test
    void withoutDowngradeSectionTheRevisionIsIrreversible() {
        RevisionScript script = ScriptParser.parse("-- migrator:revision a\n-- migrator:upgrade\nSELECT 1;\n", "x");
        assertThat(script.reversible()).isFalse();
        assertThat(script.toRevision().reversible()).isFalse();
    }

    @Test
    void anEmptyDowngradeSectionIsReversibleAndDoesNothing() {
        RevisionScript script = ScriptParser.parse("-- migrator:revision a\n-- migrator:upgrade\n-- migrator:downgrade\n", "x");
        assertThat(script.reversible()).isTrue();
        assertThat(script.downgrade().isBlank()).isTrue();
    }

    @Test
    void transactionalFalseIsRead() {
        RevisionScript script = ScriptParser.parse("""
                -- migrator:revision a
                -- migrator:transactional FALSE
                -- migrator:upgrade
                CREATE INDEX CONCURRENTLY i ON t (c);
                """, "x");
        assertThat(script.transactional()).isFalse();
    }

    @Test
    void crlfScriptsParseAndChecksumLikeLfScripts() {
        RevisionScript lf = ScriptParser.parse(FULL, "lf.sql");
        RevisionScript crlf = ScriptParser.parse(FULL.replace("\n", "\r\n"), "crlf.sql");
        assertThat(crlf.checksum()).isEqualTo(lf.checksum());
        assertThat(crlf.upgrade()).isEqualTo(lf.upgrade());
    }

    @Test
    void aByteOrderMarkIsIgnored() {
        assertThat(ScriptParser.parse("\uFEFF" + FULL, "bom.sql").id()).isEqualTo("3f2a9c1b7d4e");
    }

    @Test
    void checksumChangesWhenTheUpgradeChangesButNotWithTheDowngrade() {
        RevisionScript base = ScriptParser.parse(FULL, "a.sql");
        RevisionScript editedUp = ScriptParser.parse(FULL.replace("NOT NULL", "NULL"), "a.sql");
        RevisionScript editedDown = ScriptParser.parse(FULL.replace("DROP TABLE account", "DROP TABLE x"), "a.sql");
        assertThat(editedUp.checksum()).isNotEqualTo(base.checksum());
        assertThat(editedDown.checksum()).isEqualTo(base.checksum());
        assertThat(base.checksum()).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void addingADowngradeSectionLaterKeepsTheChecksum() {
        String before = "-- migrator:revision a\n-- migrator:upgrade\nCREATE TABLE t (id int);\n";
        String after = before + "-- migrator:downgrade\nDROP TABLE t;\n";
        assertThat(ScriptParser.parse(after, "x").checksum()).isEqualTo(ScriptParser.parse(before, "x").checksum());
    }

    @Test
    void checksumIsSha256OfTheUpgradeSection() {
        RevisionScript script = ScriptParser.parse("-- migrator:revision a\n-- migrator:upgrade\nSELECT 1;\n", "x");
        // sha256sum of the nine bytes "SELECT 1;": the trailing newline is not part of it
        assertThat(script.checksum()).isEqualTo("17db4fd369edb9244b9f91d9aeed145c3d04ad8ba6e95d06247f07a63527d11a");
        assertThat(Checksums.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void missingRevisionHeaderIsAnError() {
        assertThatThrownBy(() -> ScriptParser.parse("-- migrator:upgrade\nSELECT 1;\n", "f.sql"))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("f.sql")
                .hasMessageContaining("-- migrator:revision");
    }

    @Test
    void invalidRevisionIdNamesTheLine() {
        assertThatThrownBy(() -> ScriptParser.parse("\n-- migrator:revision bad-id\n-- migrator:upgrade\n", "f.sql"))
                .isInstanceOf(ScriptException.class)
                .hasMessageStartingWith("f.sql:2:")
                .hasMessageContaining("bad-id");
        String tooLong = "a".repeat(65);
        assertThatThrownBy(() -> ScriptParser.parse("-- migrator:revision " + tooLong + "\n-- migrator:upgrade\n", "f"))
                .isInstanceOf(ScriptException.class).hasMessage("f:1: revision id '" + tooLong + "' is not 1 to 64 letters, digits or underscores");
    }

    @Test
    void unknownHeaderKeyIsAnErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> ScriptParser.parse("-- migrator:revision a\n-- migrator:parent b\n-- migrator:upgrade\n", "f"))
                .isInstanceOf(ScriptException.class)
                .hasMessageStartingWith("f:2:")
                .hasMessageContaining("parent")
                .hasMessageContaining("depends-on");
    }

    @Test
    void repeatedHeaderIsAnError() {
        assertThatThrownBy(() -> ScriptParser.parse("-- migrator:revision a\n-- migrator:revision b\n-- migrator:upgrade\n", "f"))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("twice")
                .hasMessageContaining("line 1");
    }

    @Test
    void missingUpgradeSectionIsAnError() {
        assertThatThrownBy(() -> ScriptParser.parse("-- migrator:revision a\n-- migrator:downgrade\n", "f"))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("no '-- migrator:upgrade' section");
    }

    @Test
    void secondUpgradeSectionIsAnError() {
        assertThatThrownBy(() -> ScriptParser.parse(
                "-- migrator:revision a\n-- migrator:upgrade\n-- migrator:downgrade\n-- migrator:upgrade\n", "f"))
                .isInstanceOf(ScriptException.class)
                .hasMessage("f:4: second -- migrator:upgrade section; a script has one of each");
    }

    @Test
    void sqlBeforeTheFirstSectionIsAnError() {
        assertThatThrownBy(() -> ScriptParser.parse("-- migrator:revision a\nCREATE TABLE t (id int);\n-- migrator:upgrade\n", "f"))
                .isInstanceOf(ScriptException.class)
                .hasMessage("f:2: SQL before the first section marker; put statements under '-- migrator:upgrade'");
    }

    @Test
    void transactionalMustBeTrueOrFalse() {
        assertThatThrownBy(() -> ScriptParser.parse("-- migrator:revision a\n-- migrator:transactional yes\n-- migrator:upgrade\n", "f"))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("true or false");
    }

    @Test
    void malformedParentIdIsAnError() {
        assertThatThrownBy(() -> ScriptParser.parse("-- migrator:revision a\n-- migrator:down b c\n-- migrator:upgrade\n", "f"))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("'b c'");
    }

    @Test
    void sectionMarkerTakesNoValue() {
        assertThatThrownBy(() -> ScriptParser.parse("-- migrator:revision a\n-- migrator:upgrade now\n", "f"))
                .isInstanceOf(ScriptException.class)
                .hasMessageContaining("takes no value");
    }

    @Test
    void trailingWhiteSpaceAfterASectionMarkerIsNoValue() {
        RevisionScript script = ScriptParser.parse("-- migrator:revision a \t\n-- migrator:upgrade  \nSELECT 1;\n"
                + "--migrator:downgrade\t\nSELECT 2;", "f");
        assertThat(script.id()).isEqualTo("a");
        assertThat(script.upgrade().sql()).isEqualTo("SELECT 1;");
        assertThat(script.downgrade().sql()).isEqualTo("SELECT 2;");
        assertThat(script.downgrade().firstLine()).isEqualTo(5);
    }

    @Test
    void directiveKeysIgnoreCaseAndValuesAreTrimmed() {
        RevisionScript script = ScriptParser.parse("--migrator:REVISION   r1  \t\n"
                + "   --   migrator:Message   spaced   out  \n-- migrator:upgrade\nSELECT 1;\n", "f");
        assertThat(script.id()).isEqualTo("r1");
        assertThat(script.message()).isEqualTo("spaced   out");
    }

    @Test
    void aKeyRunningIntoOtherTextIsNoDirective() {
        RevisionScript script = ScriptParser.parse("-- migrator:revision r1\n-- migrator:upgrade2 is a comment\n"
                + "-- migrator:upgrade\nSELECT 1;\n-- migrator:downgrade; stays in the upgrade\n-- MIGRATOR:downgrade too\n",
                "f");
        assertThat(script.upgrade().sql()).isEqualTo(
                "SELECT 1;\n-- migrator:downgrade; stays in the upgrade\n-- MIGRATOR:downgrade too\n");
        assertThat(script.downgrade()).isNull();
    }

    @Test
    void aRepeatableRevisionIsReadWithItsChecksum() {
        RevisionScript script = ScriptParser.parse("-- migrator:revision r_views\n-- migrator:repeatable TRUE\n"
                + "-- migrator:message views\n-- migrator:upgrade\nCREATE OR REPLACE VIEW v AS SELECT 1;\n", "r.sql");
        assertThat(script.repeatable()).isTrue();
        assertThat(script.parents()).isEmpty();
        assertThat(script.checksum()).isEqualTo(Checksums.sha256("CREATE OR REPLACE VIEW v AS SELECT 1;\n"));
        assertThat(ScriptParser.parse("-- migrator:revision a\n-- migrator:repeatable false\n-- migrator:upgrade\n", "f")
                .repeatable()).isFalse();
        assertThat(ScriptParser.parse(FULL, "a.sql").repeatable()).isFalse();
    }

    @Test
    void aRepeatableRevisionHasNoPlaceInTheGraph() {
        assertThatThrownBy(() -> ScriptParser.parse("-- migrator:revision r\n-- migrator:repeatable true\n"
                + "-- migrator:down a\n-- migrator:upgrade\n", "r.sql")).isInstanceOf(ScriptException.class)
                .hasMessageContaining("r.sql:3").hasMessageContaining("has '-- migrator:down'");
        assertThatThrownBy(() -> ScriptParser.parse("-- migrator:revision r\n-- migrator:repeatable true\n"
                + "-- migrator:depends-on a\n-- migrator:upgrade\n", "r.sql")).hasMessageContaining("depends-on");
        assertThatThrownBy(() -> ScriptParser.parse("-- migrator:revision r\n-- migrator:repeatable true\n"
                + "-- migrator:upgrade\nSELECT 1;\n-- migrator:downgrade\nSELECT 2;\n", "r.sql"))
                .hasMessageContaining("r.sql:5").hasMessageContaining("would never run");
        assertThatThrownBy(() -> ScriptParser.parse("-- migrator:revision r\n-- migrator:repeatable yes\n"
                + "-- migrator:upgrade\n", "r.sql")).hasMessageContaining("'-- migrator:repeatable' is 'yes'");
    }
}
