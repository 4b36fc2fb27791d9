package dev.migrator.graph;

import static dev.migrator.graph.Revisions.dependsOn;
import static dev.migrator.graph.Revisions.from;
import static dev.migrator.graph.Revisions.graph;
import static dev.migrator.graph.Revisions.labelled;
import static dev.migrator.graph.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrator.error.GraphException;
import dev.migrator.error.TargetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RevisionGraphTest {

    private static GraphException invalid(Revision... revisions) {
        try {
            graph(revisions);
        } catch (GraphException e) {
            return e;
        }
        throw new AssertionError("expected a GraphException");
    }

    @Nested
    class Validation {

        @Test
        void duplicateIdNamesBothFiles() {
            GraphException e = invalid(rev("a"), from(rev("a"), "other/a_copy.sql"));
            assertThat(e.problems()).singleElement().asString()
                    .contains("duplicate revision id 'a'").contains("a.sql").contains("other/a_copy.sql");
        }

        @Test
        void duplicatesInVendorFoldersReadTogetherSaySo() {
            GraphException e = invalid(from(rev("a"), "db/migrations/postgresql/a.sql"),
                    from(rev("a"), "db/migrations/h2/a.sql"));
            assertThat(e.problems()).singleElement().asString().contains("duplicate revision id 'a'")
                    .contains("in the h2, postgresql folders, one per database, read together")
                    .contains("classpath:db/migrations/{vendor}");
            assertThat(invalid(rev("a"), from(rev("a"), "other/a_copy.sql")).problems()).singleElement().asString()
                    .doesNotContain("one per database");
        }

        @Test
        void missingParentNamesRevisionFileAndParent() {
            GraphException e = invalid(rev("a"), rev("b", "zzz"));
            assertThat(e.problems()).singleElement().asString()
                    .contains("'b' (b.sql)").contains("parent 'zzz'").contains("does not exist");
        }

        @Test
        void missingDependencyIsReported() {
            GraphException e = invalid(rev("a"), dependsOn(rev("b", "a"), "nope"));
            assertThat(e.problems()).singleElement().asString()
                    .contains("'b' (b.sql)").contains("depends on 'nope'");
        }

        @Test
        void ambiguousDependencyPrefixListsCandidates() {
            GraphException e = invalid(rev("ab1"), rev("ab2", "ab1"), dependsOn(rev("c", "ab2"), "ab"));
            assertThat(e.problems()).singleElement().asString().contains("ambiguous").contains("ab1, ab2");
        }

        @Test
        void dependencyResolvesIdPrefixAndLabel() {
            RevisionGraph g = graph(rev("a1b2"), labelled(rev("x", "a1b2"), "lab"), rev("y", "a1b2"),
                    dependsOn(rev("z", "y"), "a1", "lab"));
            assertThat(g.dependencies("z")).containsExactly("a1b2", "x");
            assertThat(g.ancestors(List.of("z"))).containsExactlyInAnyOrder("z", "y", "x", "a1b2");
        }

        @Test
        void selfParentAndSelfDependencyAreReported() {
            GraphException e = invalid(rev("a", "a"), dependsOn(rev("b"), "b"));
            assertThat(e.problems()).hasSize(2);
            assertThat(e.problems().get(0)).contains("'a' (a.sql) names itself as a parent");
            assertThat(e.problems().get(1)).contains("'b' (b.sql) depends on itself");
        }

        @Test
        void cycleThroughParentsNamesRevisionsOnItAndFiles() {
            GraphException e = invalid(rev("a", "c"), rev("b", "a"), rev("c", "b"), rev("d"));
            assertThat(e.problems()).containsExactly("cycle: a -> c -> b -> a; files: a in a.sql, b in b.sql, c in c.sql");
        }

        @Test
        void cycleThroughDependsOnIsFound() {
            GraphException e = invalid(rev("a"), dependsOn(rev("b", "a"), "c"), rev("c", "b"));
            assertThat(e.problems()).containsExactly("cycle: b -> c -> b; files: b in b.sql, c in c.sql");
        }

        @Test
        void aCycleInALargerKnotSaysHowManyRevisionsAreCaught() {
            // b -> a -> b is the shortest cycle through a; c is on another cycle with b.
            GraphException e = invalid(rev("a", "b"), rev("b", "a", "c"), rev("c", "b"));
            assertThat(e.problems()).containsExactly(
                    "cycle: a -> b -> a (3 revisions are on cycles together); files: a in a.sql, b in b.sql, c in c.sql");
        }

        @Test
        void twoSeparateCyclesAreBothReported() {
            GraphException e = invalid(rev("a", "b"), rev("b", "a"), rev("x", "y"), rev("y", "x"));
            assertThat(e.problems()).containsExactlyInAnyOrder("cycle: a -> b -> a; files: a in a.sql, b in b.sql",
                    "cycle: x -> y -> x; files: x in x.sql, y in y.sql");
        }

        @Test
        void duplicateLabelNamesBothRevisions() {
            GraphException e = invalid(labelled(rev("a"), "lab"), labelled(rev("b", "a"), "lab"));
            assertThat(e.problems()).singleElement().asString()
                    .contains("'lab'").contains("'a' (a.sql)").contains("'b' (b.sql)");
        }

        @Test
        void labelEqualToAnIdIsReported() {
            GraphException e = invalid(rev("a"), labelled(rev("b", "a"), "a"));
            assertThat(e.problems()).singleElement().asString().contains("label 'a' of 'b' (b.sql) equals the id");
        }

        @Test
        void reservedWordsAreRefusedAsLabelsAndIds() {
            GraphException e = invalid(labelled(rev("a"), "heads"), labelled(rev("b", "a"), "base"), rev("head", "b"));
            assertThat(e.problems()).hasSize(3).allMatch(p -> p.contains("reserved"));
        }

        @Test
        void everyProblemIsReportedAtOnce() {
            GraphException e = invalid(
                    rev("a"), from(rev("a"), "dup.sql"),
                    rev("b", "missing"),
                    dependsOn(rev("c", "a"), "gone"),
                    rev("d", "d"),
                    rev("e", "f"), rev("f", "e"),
                    labelled(rev("g", "a"), "lab"), labelled(rev("h", "a"), "lab"),
                    labelled(rev("i", "a"), "base", "a"));
            assertThat(e.problems()).hasSize(8);
            assertThat(e.getMessage()).contains("8 problems");
        }

        @Test
        void emptyGraphIsValid() {
            RevisionGraph g = RevisionGraph.of(List.of());
            assertThat(g.revisions()).isEmpty();
            assertThat(g.heads()).isEmpty();
        }
    }

    @Nested
    class Shape {

        //      a
        //     / \
        //    b   c      d depends on c (not a parent)
        //     \ /  \
        //      m    e
        //      |
        //      d
        private final RevisionGraph g = graph(rev("m", "b", "c"), rev("a"), rev("b", "a"), rev("c", "a"),
                rev("e", "c"), dependsOn(rev("d", "m"), "e"));

        @Test
        void headsAreRevisionsWithoutChildrenIgnoringDependsOn() {
            assertThat(g.heads()).containsExactly("d", "e");
            RevisionGraph withDependencyHead = graph(rev("a"), dependsOn(rev("b"), "a"));
            assertThat(withDependencyHead.heads()).containsExactly("a", "b");
        }

        @Test
        void basesBranchPointsAndMergePoints() {
            assertThat(g.bases()).containsExactly("a");
            assertThat(g.branchPoints()).containsExactly("a", "c");
            assertThat(g.mergePoints()).containsExactly("m");
        }

        @Test
        void revisionsAreTopologicalWithDependenciesFirstAndDeterministic() {
            List<String> order = g.revisions().stream().map(Revision::id).toList();
            // Kahn's algorithm, the smallest id first among the ready: after c both e and m are ready
            assertThat(order).containsExactly("a", "b", "c", "e", "m", "d");
            List<Revision> shuffled = new ArrayList<>(g.revisions());
            Collections.reverse(shuffled);
            assertThat(RevisionGraph.of(shuffled).revisions().stream().map(Revision::id).toList()).isEqualTo(order);
        }

        @Test
        void ancestorsFollowParentsAndDependsOn() {
            assertThat(g.ancestors(List.of("d"))).containsExactlyInAnyOrder("a", "b", "c", "m", "e", "d");
            assertThat(g.ancestors(List.of("m"))).containsExactlyInAnyOrder("a", "b", "c", "m");
            assertThat(g.parentAncestors(List.of("d"))).doesNotContain("e");
            assertThat(g.ancestors(List.of())).isEmpty();
        }

        @Test
        void descendantsFollowChildrenAndDependents() {
            assertThat(g.descendants(List.of("e"))).containsExactlyInAnyOrder("e", "d");
            assertThat(g.descendants(List.of("b", "e"))).containsExactlyInAnyOrder("b", "m", "d", "e");
        }

        @Test
        void maximalDropsMembersThatAreAncestorsOfOthers() {
            assertThat(g.maximal(Set.of("a", "b", "e"))).containsExactlyInAnyOrder("b", "e");
            assertThat(g.maximal(Set.of("e", "d"))).containsExactly("d");
        }

        @Test
        void getAndContains() {
            assertThat(g.get("m").parents()).containsExactly("b", "c");
            assertThat(g.contains("m")).isTrue();
            assertThat(g.contains("zz")).isFalse();
            assertThatThrownBy(() -> g.get("zz")).isInstanceOf(TargetException.class).hasMessageContaining("'zz'");
        }
    }

    @Nested
    class Resolve {

        private final RevisionGraph g = graph(rev("1a2b3c"), rev("1a2b4d", "1a2b3c"), labelled(rev("9f00", "1a2b4d"), "billing"));

        @Test
        void fullIdPrefixAndLabel() {
            assertThat(g.resolve("1a2b3c")).isEqualTo("1a2b3c");
            assertThat(g.resolve("1a2b4")).isEqualTo("1a2b4d");
            assertThat(g.resolve("9")).isEqualTo("9f00");
            assertThat(g.resolve("billing")).isEqualTo("9f00");
        }

        @Test
        void ambiguousPrefixListsCandidates() {
            assertThatThrownBy(() -> g.resolve("1a2b")).isInstanceOf(TargetException.class)
                    .hasMessageContaining("ambiguous").hasMessageContaining("1a2b3c, 1a2b4d");
        }

        @Test
        void unknownReferenceIsATargetError() {
            assertThatThrownBy(() -> g.resolve("77")).isInstanceOf(TargetException.class).hasMessageContaining("'77'");
            assertThatThrownBy(() -> g.resolve("")).isInstanceOf(TargetException.class).hasMessage("No revision, unique id prefix or branch label ''");
        }
    }

    @Test
    void deepLineNeedsNoRecursion() {
        List<Revision> line = new ArrayList<>();
        line.add(rev("r0"));
        for (int i = 1; i < 200_000; i++) {
            line.add(rev("r" + i, "r" + (i - 1)));
        }
        RevisionGraph g = RevisionGraph.of(line);
        assertThat(g.heads()).containsExactly("r199999");
        assertThat(g.ancestors(List.of("r199999"))).hasSize(200_000);
        assertThat(g.revisions()).first().extracting(Revision::id).isEqualTo("r0");
    }

    @Test
    void deepCycleIsFoundWithoutRecursion() {
        List<Revision> ring = new ArrayList<>();
        ring.add(rev("r0", "r99999"));
        for (int i = 1; i < 100_000; i++) {
            ring.add(rev("r" + i, "r" + (i - 1)));
        }
        assertThatThrownBy(() -> RevisionGraph.of(ring)).isInstanceOf(GraphException.class)
                .hasMessageContaining("cycle: r0 -> r99999 -> r99998 -> ")
                .hasMessageContaining(" -> r99981 -> (99979 more) -> r1 -> r0; files: r0 in r0.sql, r1 in r1.sql, r10 in r10.sql")
                .hasMessageEndingWith(", r10013 in r10013.sql"); // the first 20 files by id
    }
}
