package dev.migrator.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionIdOrderTest {

    private static List<String> sorted(String... ids) {
        List<String> list = new ArrayList<>(List.of(ids));
        list.sort(RevisionIdOrder.INSTANCE);
        return list;
    }

    @Test
    void digitRunsCompareAsNumbers() {
        assertThat(sorted("10", "9", "100", "1")).containsExactly("1", "9", "10", "100");
        assertThat(sorted("V1_10", "V1_2", "V2_1", "V1_9")).containsExactly("V1_2", "V1_9", "V1_10", "V2_1");
        assertThat(sorted("1730239195", "1729894119")).containsExactly("1729894119", "1730239195");
    }

    @Test
    void otherCharactersCompareOneByOneAndEqualNumbersFallBackToTheText() {
        assertThat(sorted("ab", "a", "b", "a1")).containsExactly("a", "a1", "ab", "b");
        assertThat(sorted("7", "007", "07")).containsExactly("007", "07", "7");
        assertThat(sorted("x99999999999999999999999", "x100000000000000000000000"))
                .containsExactly("x99999999999999999999999", "x100000000000000000000000");
    }
}
