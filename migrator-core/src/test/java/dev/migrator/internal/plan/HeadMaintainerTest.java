package dev.migrator.internal.plan;

import dev.migrator.error.TargetException;
import dev.migrator.graph.RevisionGraph;
import dev.migrator.plan.StepKind;
import dev.migrator.plan.VersionChange.Update;
import dev.migrator.plan.VersionChange;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static dev.migrator.graph.Revisions.dependsOn;
import static dev.migrator.graph.Revisions.graph;
import static dev.migrator.graph.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeadMaintainerTest {

    //   a <- b <- m <- n      c and b both branch from a, m merges them
    //   a <- c <-/
    //   k <- x1 <- x2         y2 depends on x1 (no parent edge)
    //   k <- y1 <- y2
    private final RevisionGraph g = graph(rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c"), rev("n", "m"),
            rev("k"), rev("x1", "k"), rev("x2", "x1"), rev("y1", "k"), dependsOn(rev("y2", "y1"), "x1"));

    private VersionChange change(Set<String> rows, StepKind kind, String id) {
        return HeadMaintainer.change(rows, kind, g.get(id), g);
    }

    @Test
    void applyingABaseInsertsItsRow() {
        assertThat(change(Set.of(), StepKind.UPGRADE, "a")).isEqualTo(VersionChange.insert("a"));
    }

    @Test
    void applyingAChildReplacesItsParentsRow() {
        assertThat(change(Set.of("a"), StepKind.UPGRADE, "b")).isEqualTo(VersionChange.update("a", "b"));
    }

    @Test
    void applyingASecondChildOfABranchPointAddsARow() {
        VersionChange change = change(Set.of("b"), StepKind.UPGRADE, "c");
        assertThat(change).isEqualTo(VersionChange.insert("c"));
        assertThat(change.applyTo(Set.of("b"))).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void mergeDeletesAllButOneParentRowAndUpdatesTheLast() {
        VersionChange change = change(Set.of("b", "c"), StepKind.UPGRADE, "m");
        assertThat(change).isEqualTo(new VersionChange(List.of("b"), List.of(new Update("c", "m")), List.of()));
        assertThat(change.applyTo(Set.of("b", "c"))).containsExactly("m");
    }

    @Test
    void unmergeInsertsAllButOneParentAndUpdatesTheMergeRow() {
        VersionChange change = change(Set.of("m"), StepKind.DOWNGRADE, "m");
        assertThat(change).isEqualTo(new VersionChange(List.of(), List.of(new Update("m", "c")), List.of("b")));
        assertThat(change.applyTo(Set.of("m"))).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void downgradingAChildUpdatesItsRowToTheParent() {
        assertThat(change(Set.of("n"), StepKind.DOWNGRADE, "n")).isEqualTo(VersionChange.update("n", "m"));
    }

    @Test
    void downgradingABaseDeletesItsRow() {
        assertThat(change(Set.of("a", "k"), StepKind.DOWNGRADE, "a")).isEqualTo(VersionChange.delete("a"));
    }

    @Test
    void downgradingOneOfTwoBranchesDeletesItsRowWhenTheParentIsStillNeeded() {
        assertThat(change(Set.of("b", "c"), StepKind.DOWNGRADE, "c")).isEqualTo(VersionChange.delete("c"));
    }

    @Test
    void applyingARevisionWhoseDependencyIsARowMergesTheRows() {
        VersionChange change = change(Set.of("x1", "y1"), StepKind.UPGRADE, "y2");
        assertThat(change).isEqualTo(new VersionChange(List.of("y1"), List.of(new Update("x1", "y2")), List.of()));
        assertThat(change.applyTo(Set.of("x1", "y1"))).containsExactly("y2");
    }

    @Test
    void aDependencyThatIsAnAncestorOfAnAppliedHeadIsNoRow() {
        VersionChange change = change(Set.of("x2", "y1"), StepKind.UPGRADE, "y2");
        assertThat(change).isEqualTo(VersionChange.update("y1", "y2"));
        assertThat(change.applyTo(Set.of("x2", "y1"))).containsExactlyInAnyOrder("x2", "y2");
    }

    @Test
    void downgradingADependentGivesBackTheDependencyRowOnlyWhenNothingElseNeedsIt() {
        assertThat(change(Set.of("y2"), StepKind.DOWNGRADE, "y2").applyTo(Set.of("y2")))
                .containsExactlyInAnyOrder("y1", "x1");
        assertThat(change(Set.of("x2", "y2"), StepKind.DOWNGRADE, "y2")).isEqualTo(VersionChange.update("y2", "y1"));
    }

    @Test
    void stampReplacesRowsOnTheLineOfTheRevisionAndKeepsOthers() {
        assertThat(change(Set.of("b", "c"), StepKind.STAMP, "m"))
                .isEqualTo(new VersionChange(List.of("b"), List.of(new Update("c", "m")), List.of()));
        assertThat(change(Set.of("n"), StepKind.STAMP, "b")).isEqualTo(VersionChange.update("n", "b"));
        assertThat(change(Set.of("x2"), StepKind.STAMP, "b")).isEqualTo(VersionChange.insert("b"));
        assertThat(change(Set.of("b"), StepKind.STAMP, "b")).isEqualTo(VersionChange.none());
    }

    @Test
    void unstampDeletesTheRow() {
        assertThat(HeadMaintainer.unstamp(Set.of("b", "c"), g.get("c"))).isEqualTo(VersionChange.delete("c"));
        assertThatThrownBy(() -> HeadMaintainer.unstamp(Set.of("b"), g.get("c"))).isInstanceOf(TargetException.class)
                .hasMessage("'c' is not a version row (rows: [b])");
    }

    @Test
    void refusesStepsThatCannotRunFromTheRows() {
        assertThatThrownBy(() -> change(Set.of("b"), StepKind.UPGRADE, "b")).isInstanceOf(TargetException.class)
                .hasMessageContaining("Cannot upgrade to 'b': it is already applied");
        assertThatThrownBy(() -> change(Set.of("b"), StepKind.UPGRADE, "m")).isInstanceOf(TargetException.class)
                .hasMessageContaining("'c', which it needs, is not applied");
        assertThatThrownBy(() -> change(Set.of("b"), StepKind.DOWNGRADE, "a")).isInstanceOf(TargetException.class)
                .hasMessageContaining("Cannot downgrade 'a': applied revisions still need it");
        assertThatThrownBy(() -> change(Set.of("b"), StepKind.DOWNGRADE, "c")).isInstanceOf(TargetException.class)
                .hasMessageContaining("Cannot downgrade 'c': it is not applied");
    }

    @Test
    void applyToRunsDeletesThenUpdatesThenInsertsAndRefusesMissingRows() {
        VersionChange change = new VersionChange(List.of("p"), List.of(new Update("q", "r")), List.of("s"));
        assertThat(change.applyTo(Set.of("p", "q", "t"))).containsExactlyInAnyOrder("r", "t", "s");
        assertThatThrownBy(() -> change.applyTo(Set.of("q"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No version row 'p' to delete in [q]");
        assertThatThrownBy(() -> VersionChange.update("q", "r").applyTo(Set.of("p"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot update version row 'q' to 'r' in [p]");
        assertThatThrownBy(() -> VersionChange.update("q", "r").applyTo(Set.of("q", "r")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Cannot update version row 'q' to 'r'");
        assertThatThrownBy(() -> VersionChange.insert("t").applyTo(Set.of("t"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Version row 't' already present in [t]");
    }
}
