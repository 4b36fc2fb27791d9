package dev.migrator.flyway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.error.BadInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlywayVersionTest {

    @Test
    void versionsCompareNumericallyPartByPartAsFlywayOrdersThem() {
        List<FlywayVersion> versions = new ArrayList<>();
        for (String text : List.of("2", "1.10", "1", "1.9", "10", "1.2.1", "1.2", "20240101.1")) {
            versions.add(FlywayVersion.parse(text));
        }
        Collections.sort(versions);
        assertThat(versions).extracting(FlywayVersion::text)
                .containsExactly("1", "1.2", "1.2.1", "1.9", "1.10", "2", "10", "20240101.1");
    }

    @Test
    void underscoresLeadingZerosAndTrailingZeroPartsDoNotMakeAnotherVersion() {
        assertThat(FlywayVersion.parse("1_1")).isEqualTo(FlywayVersion.parse("1.1"));
        assertThat(FlywayVersion.parse("1.01")).isEqualTo(FlywayVersion.parse("1.1"))
                .hasSameHashCodeAs(FlywayVersion.parse("1.1"));
        assertThat(FlywayVersion.parse("2.0")).isEqualTo(FlywayVersion.parse("2"));
        assertThat(FlywayVersion.parse("2.0.1")).isGreaterThan(FlywayVersion.parse("2"));
        assertThat(FlywayVersion.parse("1.1")).isNotEqualTo(FlywayVersion.parse("1.10"));
    }

    @Test
    void theRevisionIdKeepsTheVersionAsWrittenAndMapsBack() {
        assertThat(FlywayVersion.parse("1_1").revisionId()).isEqualTo("v1_1");
        assertThat(FlywayVersion.parse("2.0").revisionId()).isEqualTo("v2_0");
        assertThat(FlywayVersion.parse("1.01").revisionId()).isEqualTo("v1_01");
        assertThat(FlywayVersion.ofRevisionId("v1_01")).contains(FlywayVersion.parse("1.1"));
        assertThat(FlywayVersion.ofRevisionId("3f2a9c1b7d4e")).isEmpty();
        assertThat(FlywayVersion.ofRevisionId("v1a")).isEmpty();
    }

    @Test
    void aVersionThatIsNotDigitsIsRefusedWithWhatIsAllowed() {
        assertThatThrownBy(() -> FlywayVersion.parse("1.a")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("'1.a' is not a Flyway version");
        assertThatThrownBy(() -> FlywayVersion.parse("")).isInstanceOf(BadInputException.class);
    }
}
