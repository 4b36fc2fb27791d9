package dev.migrator.internal.plan;

import dev.migrator.error.TargetException;
import dev.migrator.graph.RevisionGraph;
import dev.migrator.plan.Plan;
import dev.migrator.plan.Step;
import dev.migrator.plan.StepKind;
import dev.migrator.plan.TargetRange;
import dev.migrator.plan.VersionChange;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import static dev.migrator.graph.Revisions.dependsOn;
import static dev.migrator.graph.Revisions.graph;
import static dev.migrator.graph.Revisions.irreversible;
import static dev.migrator.graph.Revisions.labelled;
import static dev.migrator.graph.Revisions.rev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlannerTest {

    /** a <- b <- c <- d. */
    private static final RevisionGraph LINE = graph(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "c"));

    /** a <- b, a <- c, m merges b and c, n follows m. */
    private static final RevisionGraph FORK = graph(rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c"), rev("n", "m"));

    /** a <- b, a <- c: two heads. */
    private static final RevisionGraph OPEN = graph(rev("a"), rev("b", "a"), rev("c", "a"));

    /** Two labelled branches from one base that depend on each other, as neutron's expand and contract. */
    private static final RevisionGraph BRANCHES = graph(rev("k"),
            labelled(rev("x1", "k"), "expand"), rev("x2", "x1"), dependsOn(rev("x3", "x2"), "y2"),
            labelled(rev("y1", "k"), "contract"), dependsOn(rev("y2", "y1"), "x1"), rev("y3", "y2"));

    private static List<String> ids(Plan plan) {
        return plan.steps().stream().map(s -> s.revision().id()).toList();
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(Runnable planning) {
        return assertThatThrownBy(planning::run).isInstanceOf(TargetException.class);
    }

    @Nested
    class Upgrade {

        @Test
        void headsFromNothingAppliesEveryRevisionParentsFirst() {
            Plan plan = new Planner(LINE).upgrade(Set.of(), "heads");
            assertThat(ids(plan)).containsExactly("a", "b", "c", "d");
            assertThat(plan.steps()).allMatch(s -> s.kind() == StepKind.UPGRADE);
            assertThat(plan.rowsBefore()).isEmpty();
            assertThat(plan.rowsAfter()).containsExactly("d");
        }

        @Test
        void headsWithDependenciesAppliesDependenciesFirstAndEndsAtBothHeads() {
            Plan plan = new Planner(BRANCHES).upgrade(Set.of(), "heads");
            assertThat(ids(plan)).containsExactly("k", "x1", "x2", "y1", "y2", "x3", "y3");
            assertThat(plan.rowsAfter()).containsExactlyInAnyOrder("x3", "y3");
        }

        @Test
        void headNeedsASingleHeadAndListsThemOtherwise() {
            assertThat(ids(new Planner(LINE).upgrade(Set.of("b"), "head"))).containsExactly("c", "d");
            refused(() -> new Planner(OPEN).upgrade(Set.of(), "head")).hasMessageContaining("2: b, c");
        }

        @Test
        void idPrefixAndLabelNameOneRevision() {
            assertThat(ids(new Planner(LINE).upgrade(Set.of(), "b"))).containsExactly("a", "b");
            assertThat(ids(new Planner(BRANCHES).upgrade(Set.of(), "expand"))).containsExactly("k", "x1");
        }

        @Test
        void labelAtHeadAppliesTheBranchAndWhatItDependsOnButNothingElse() {
            Plan plan = new Planner(BRANCHES).upgrade(Set.of(), "contract@head");
            assertThat(ids(plan)).containsExactly("k", "x1", "y1", "y2", "y3");
            assertThat(plan.rowsAfter()).containsExactly("y3");
        }

        @Test
        void labelAtRevisionMustBeOnTheBranch() {
            assertThat(ids(new Planner(BRANCHES).upgrade(Set.of(), "expand@x2"))).containsExactly("k", "x1", "x2");
            refused(() -> new Planner(BRANCHES).upgrade(Set.of(), "contract@x2")).hasMessageContaining("not on branch 'contract'");
            refused(() -> new Planner(BRANCHES).upgrade(Set.of(), "nope@head")).hasMessageContaining("labels: contract, expand");
        }

        @Test
        void labelAtBaseUpgradesNothing() {
            assertThat(new Planner(BRANCHES).upgrade(Set.of(), "expand@base").isEmpty()).isTrue();
        }

        @Test
        void somethingAlreadyAppliedGivesAnEmptyPlan() {
            Plan plan = new Planner(LINE).upgrade(Set.of("c"), "b");
            assertThat(plan.isEmpty()).isTrue();
            assertThat(plan.rowsAfter()).containsExactly("c");
        }

        @Test
        void plusNWalksUpFromTheCurrentRevision() {
            assertThat(ids(new Planner(LINE).upgrade(Set.of("a"), "+2"))).containsExactly("b", "c");
            assertThat(ids(new Planner(LINE).upgrade(Set.of(), "+1"))).containsExactly("a");
        }

        @Test
        void revPlusNAndRevMinusNWalkFromTheNamedRevision() {
            assertThat(ids(new Planner(LINE).upgrade(Set.of(), "b+1"))).containsExactly("a", "b", "c");
            assertThat(ids(new Planner(LINE).upgrade(Set.of(), "d-2"))).containsExactly("a", "b");
            assertThat(ids(new Planner(LINE).upgrade(Set.of(), "head-3"))).containsExactly("a");
        }

        @Test
        void labelPlusNStartsFromWhatIsAppliedOnTheBranch() {
            Plan plan = new Planner(BRANCHES).upgrade(Set.of("x1"), "contract@+1");
            assertThat(ids(plan)).containsExactly("y1");
            assertThat(plan.rowsAfter()).containsExactlyInAnyOrder("x1", "y1");
        }

        @Test
        void aWalkUpThroughABranchPointIsAmbiguous() {
            refused(() -> new Planner(FORK).upgrade(Set.of("a"), "+1"))
                    .hasMessageContaining("'a' is a branch point").hasMessageContaining("b, c");
        }

        @Test
        void aWalkFromSeveralCurrentRevisionsIsAmbiguous() {
            refused(() -> new Planner(OPEN).upgrade(Set.of("b", "c"), "+1"))
                    .hasMessageContaining("several current revisions (b, c)");
        }

        @Test
        void aWalkPastTheLastRevisionIsRefused() {
            refused(() -> new Planner(LINE).upgrade(Set.of("c"), "+3")).hasMessageContaining("walks past the last revision 'd'");
        }

        @Test
        void minusNIsNoUpgradeTarget() {
            refused(() -> new Planner(LINE).upgrade(Set.of("c"), "-1")).hasMessageContaining("downgrade target");
        }

        @Test
        void unknownAndMalformedTargetsAreRefused() {
            refused(() -> new Planner(LINE).upgrade(Set.of(), "zz")).hasMessageContaining("'zz'");
            refused(() -> new Planner(LINE).upgrade(Set.of(), "a@b@c")).hasMessageContaining("malformed");
            refused(() -> new Planner(LINE).upgrade(Set.of(), " ")).hasMessageContaining("Empty target");
        }
    }

    @Nested
    class MoreTargets {

        /** Branch "feature" starts at f1 and splits in two heads; "main" is a line; two bases. */
        private final RevisionGraph g = graph(rev("m1"), rev("m2", "m1"), labelled(rev("f1", "m1"), "feature"),
                rev("f2a", "f1"), rev("f2b", "f1"), labelled(rev("o1"), "other"));

        @Test
        void labelAtHeadsNamesEveryHeadOfTheBranch() {
            assertThat(new Planner(g).rowsAt("feature@heads")).containsExactlyInAnyOrder("f2a", "f2b");
            refused(() -> new Planner(g).upgrade(Set.of(), "feature@head"))
                    .hasMessageContaining("on branch 'feature'").hasMessageContaining("f2a, f2b");
        }

        @Test
        void anAmbiguousPrefixTargetListsTheCandidates() {
            refused(() -> new Planner(g).upgrade(Set.of(), "f2")).hasMessageContaining("f2a, f2b");
            assertThat(ids(new Planner(g).upgrade(Set.of(), "f2b"))).containsExactly("m1", "f1", "f2b");
        }

        @Test
        void plusOneFromNothingWithSeveralBasesIsAmbiguousUnlessALabelChooses() {
            refused(() -> new Planner(g).upgrade(Set.of(), "+1")).hasMessageContaining("several bases");
            assertThat(ids(new Planner(g).upgrade(Set.of(), "other@+1"))).containsExactly("o1");
            assertThat(ids(new Planner(g).upgrade(Set.of("m2"), "feature@+1"))).containsExactly("f1");
        }

        @Test
        void labelMinusOneWalksDownFromTheBranchTip() {
            Plan plan = new Planner(g).downgrade(Set.of("f2a", "m2", "o1"), "feature@-1");
            assertThat(ids(plan)).containsExactly("f2a");
            assertThat(plan.rowsAfter()).containsExactlyInAnyOrder("f1", "m2", "o1");
        }

        @Test
        void stampLabelAtBaseDeletesOnlyThatBranchsRows() {
            Plan plan = new Planner(g).stamp(Set.of("f2a", "o1"), "feature@base", false);
            assertThat(ids(plan)).containsExactly("f2a");
            assertThat(plan.rowsAfter()).containsExactly("o1");
        }

        @Test
        void theSameTargetGivesTheSamePlanWhateverOrderTheScriptsCameIn() {
            List<dev.migrator.graph.Revision> backwards = new java.util.ArrayList<>(g.revisions());
            java.util.Collections.reverse(backwards);
            RevisionGraph reversed = RevisionGraph.of(backwards);
            assertThat(ids(new Planner(reversed).upgrade(Set.of(), "heads"))).isEqualTo(ids(new Planner(g).upgrade(Set.of(), "heads")));
        }
    }

    @Nested
    class Downgrade {

        @Test
        void minusOneUnappliesTheCurrentRevision() {
            Plan plan = new Planner(LINE).downgrade(Set.of("d"), "-1");
            assertThat(ids(plan)).containsExactly("d");
            assertThat(plan.steps()).allMatch(s -> s.kind() == StepKind.DOWNGRADE);
            assertThat(plan.rowsAfter()).containsExactly("c");
        }

        @Test
        void baseUnappliesEverythingChildrenFirst() {
            Plan plan = new Planner(FORK).downgrade(Set.of("n"), "base");
            assertThat(ids(plan)).containsExactly("n", "m", "c", "b", "a");
            assertThat(plan.rowsAfter()).isEmpty();
        }

        @Test
        void toARevisionUnappliesWhatIsAboveIt() {
            assertThat(ids(new Planner(LINE).downgrade(Set.of("d"), "b"))).containsExactly("d", "c");
            assertThat(new Planner(LINE).downgrade(Set.of("b"), "b").isEmpty()).isTrue();
        }

        @Test
        void toSomethingNotAppliedIsRefused() {
            refused(() -> new Planner(LINE).downgrade(Set.of("b"), "d"))
                    .hasMessageContaining("d is not applied").hasMessageContaining("current revisions: b");
        }

        @Test
        void throughAnIrreversibleRevisionIsRefusedBeforeAnyStep() {
            RevisionGraph g = graph(rev("a"), rev("b", "a"), irreversible(rev("c", "b")), rev("d", "c"));
            refused(() -> new Planner(g).downgrade(Set.of("d"), "a"))
                    .hasMessageContaining("'c' (c.sql) has no downgrade section").hasMessageContaining("nothing was changed");
            assertThat(ids(new Planner(g).downgrade(Set.of("d"), "c"))).containsExactly("d");
        }

        @Test
        void minusNThroughAMergePointIsAmbiguous() {
            assertThat(ids(new Planner(FORK).downgrade(Set.of("n"), "-1"))).containsExactly("n");
            refused(() -> new Planner(FORK).downgrade(Set.of("n"), "-2"))
                    .hasMessageContaining("'m' is a merge point of b, c");
        }

        @Test
        void unmergeGivesBackBothParentRows() {
            Plan plan = new Planner(FORK).downgrade(Set.of("m"), "b");
            assertThat(ids(plan)).containsExactly("m", "c");
            assertThat(plan.steps().get(0).versionChange().applyTo(Set.of("m"))).containsExactlyInAnyOrder("b", "c");
            assertThat(plan.rowsAfter()).containsExactly("b");
        }

        @Test
        void anUnqualifiedTargetUnappliesOtherBranchesAsTheSpecSays() {
            Plan plan = new Planner(OPEN).downgrade(Set.of("b", "c"), "b");
            assertThat(ids(plan)).containsExactly("c");
            assertThat(plan.rowsAfter()).containsExactly("b");
        }

        @Test
        void aLabelledTargetKeepsTheOtherBranches() {
            Plan plan = new Planner(BRANCHES).downgrade(Set.of("x3", "y3"), "expand@-1");
            assertThat(ids(plan)).containsExactly("x3");
            assertThat(plan.rowsAfter()).containsExactlyInAnyOrder("x2", "y3");
        }

        @Test
        void labelAtBaseUnappliesTheBranchButNotTheBaseItSharesWithAnother() {
            // A deviation: contract grows from k, which expand shares; Alembic 1.8.1 un-applies k and so
            // everything ([]), migrator un-applies contract's own revisions and what depends on them.
            Plan plan = new Planner(BRANCHES).downgrade(Set.of("y2", "x2"), "contract@base");
            assertThat(plan.rowsBefore()).containsExactlyInAnyOrder("y2", "x2");
            assertThat(ids(plan)).containsExactly("y2", "y1");
            assertThat(plan.rowsAfter()).containsExactly("x2");
            Plan fromHeads = new Planner(BRANCHES).downgrade(Set.of("x3", "y3"), "contract@base");
            assertThat(ids(fromHeads)).containsExactlyInAnyOrder("x3", "y3", "y2", "y1");
        }

        @Test
        void aLabelWalkDownFromWhatTheBranchSharesIsRefusedNotTakenForTheBranch() {
            // Only k, which expand shares with contract, is applied on contract's line: walking down
            // from it would un-apply expand; Alembic fails there too (an AssertionError).
            refused(() -> new Planner(BRANCHES).downgrade(Set.of("x2"), "contract@-1"))
                    .hasMessageContaining("nothing of branch 'contract' is applied above what it shares with other"
                            + " branches (k)");
            assertThat(new Planner(BRANCHES).downgrade(Set.of("x2", "y1"), "contract@-1").rowsAfter())
                    .containsExactly("x2");
        }

        @Test
        void aWalkThatReachesBaseTakesTheSharedBaseAsAlembicDoes() {
            // Alembic 1.8.1 on this graph: expand@-3 from x2 walks x1, k, base: all goes; expand@-2 stops at k, and y2
            // goes with x1, which it depends on
            assertThat(new Planner(BRANCHES).downgrade(Set.of("x2", "y2"), "expand@-3").rowsAfter()).isEmpty();
            assertThat(new Planner(BRANCHES).downgrade(Set.of("x2", "y2"), "expand@-2").rowsAfter()).containsExactly("y1");
        }

        @Test
        void labelAtTheForkUnappliesTheBranchAndWhatDependsOnIt() {
            // Alembic 1.8.1 gives [x2] from both: x3 depends on y2, so it goes with the contract branch
            assertThat(new Planner(BRANCHES).downgrade(Set.of("y2", "x2"), "contract@k").rowsAfter())
                    .containsExactly("x2");
            Plan fromHeads = new Planner(BRANCHES).downgrade(Set.of("x3", "y3"), "contract@k");
            assertThat(ids(fromHeads)).containsExactlyInAnyOrder("x3", "y3", "y2", "y1");
            assertThat(fromHeads.rowsAfter()).containsExactly("x2");
        }

        @Test
        void minusOneFromSeveralRowsIsAmbiguous() {
            refused(() -> new Planner(OPEN).downgrade(Set.of("b", "c"), "-1")).hasMessageContaining("ambiguous");
        }

        @Test
        void relativeTargetsInTheWrongDirectionOrFromNothingAreRefused() {
            refused(() -> new Planner(LINE).downgrade(Set.of("b"), "+1")).hasMessageContaining("upgrade target");
            refused(() -> new Planner(LINE).downgrade(Set.of(), "-1")).hasMessageContaining("nothing is applied");
            refused(() -> new Planner(LINE).downgrade(Set.of("b"), "-3")).hasMessageContaining("walks below base");
        }

        @Test
        void minusOneFromTheFirstRevisionReachesBase() {
            Plan plan = new Planner(LINE).downgrade(Set.of("a"), "-1");
            assertThat(ids(plan)).containsExactly("a");
            assertThat(plan.rowsAfter()).isEmpty();
        }
    }

    @Nested
    class Stamp {

        @Test
        void headsFromNothingInsertsEveryHead() {
            Plan plan = new Planner(OPEN).stamp(Set.of(), "heads", false);
            assertThat(ids(plan)).containsExactly("b", "c");
            assertThat(plan.steps()).allMatch(s -> s.kind() == StepKind.STAMP);
            assertThat(plan.rowsAfter()).containsExactlyInAnyOrder("b", "c");
        }

        @Test
        void replacesTheRowOnTheTargetsLine() {
            Plan plan = new Planner(LINE).stamp(Set.of("b"), "d", false);
            assertThat(plan.steps()).singleElement().extracting(Step::versionChange).isEqualTo(VersionChange.update("b", "d"));
            assertThat(new Planner(LINE).stamp(Set.of("d"), "-1", false).rowsAfter()).containsExactly("c");
        }

        @Test
        void keepsRowsOfUnrelatedBranches() {
            assertThat(new Planner(BRANCHES).stamp(Set.of("x1"), "y1", false).rowsAfter()).containsExactlyInAnyOrder("x1", "y1");
        }

        @Test
        void baseDeletesEveryRow() {
            Plan plan = new Planner(OPEN).stamp(Set.of("b", "c"), "base", false);
            assertThat(ids(plan)).containsExactly("c", "b");
            assertThat(plan.rowsAfter()).isEmpty();
        }

        @Test
        void theCurrentRevisionGivesAnEmptyPlan() {
            assertThat(new Planner(LINE).stamp(Set.of("c"), "c", false).isEmpty()).isTrue();
        }

        @Test
        void purgeStartsFromNoRowsWhateverTheTableHolds() {
            Plan plan = new Planner(OPEN).stamp(Set.of("ghost"), "heads", true);
            assertThat(plan.rowsBefore()).isEmpty();
            assertThat(plan.rowsAfter()).containsExactlyInAnyOrder("b", "c");
            refused(() -> new Planner(OPEN).stamp(Set.of("ghost"), "heads", false)).hasMessageContaining("--purge");
        }
    }

    @Nested
    class RowsAt {

        @Test
        void rowsOfTheTargetsAncestry() {
            assertThat(new Planner(BRANCHES).rowsAt("base")).isEmpty();
            assertThat(new Planner(BRANCHES).rowsAt("heads")).containsExactlyInAnyOrder("x3", "y3");
            assertThat(new Planner(BRANCHES).rowsAt("contract@head")).containsExactly("y3");
            assertThat(new Planner(BRANCHES).rowsAt("y2")).containsExactly("y2");
            assertThat(new Planner(LINE).rowsAt("b+1")).containsExactly("c");
        }

        @Test
        void targetsRelativeToTheCurrentRevisionsAreRefused() {
            refused(() -> new Planner(LINE).rowsAt("+1")).hasMessageContaining("relative to the current revisions");
        }
    }

    @Nested
    class VersionRows {

        @Test
        void unknownRowsAreRefusedWithAHint() {
            refused(() -> new Planner(LINE).upgrade(Set.of("zz"), "heads")).hasMessageContaining("zz, which no script defines");
        }

        @Test
        void rowsThatAreAncestorsOfOtherRowsAreRefused() {
            refused(() -> new Planner(LINE).upgrade(Set.of("a", "b"), "heads")).hasMessageContaining("stamp --purge b`");
            refused(() -> new Planner(LINE).stamp(Set.of("a", "b"), "c", false)).hasMessageContaining("stamp --purge b`");
            refused(() -> new Planner(LINE).downgrade(Set.of("a", "c"), "base"))
                    .hasMessageContaining("holds a, c, where a is already an ancestor of c")
                    .hasMessageContaining("`migrator stamp --purge c`");
        }

        @Test
        void everyStepCarriesTheChangeFromTheRowsBeforeIt() {
            Plan plan = new Planner(FORK).upgrade(Set.of(), "heads");
            Set<String> rows = plan.rowsBefore();
            for (Step step : plan.steps()) {
                rows = step.versionChange().applyTo(rows);
            }
            assertThat(rows).isEqualTo(plan.rowsAfter()).containsExactly("n");
        }
    }

    @Nested
    class Ranges {

        @Test
        void parsesStartAndEnd() {
            assertThat(TargetRange.parse("base:heads")).isEqualTo(new TargetRange("base", "heads"));
            assertThat(TargetRange.parse("1a2b:3f2a").toString()).isEqualTo("1a2b:3f2a");
        }

        @Test
        void refusesTextWithoutOneColonOrWithAnEmptyEnd() {
            refused(() -> TargetRange.parse("heads")).hasMessageContaining("not a range; offline ranges are START:END");
            refused(() -> TargetRange.parse("a:b:c")).hasMessageContaining("more than one");
            refused(() -> TargetRange.parse(":heads")).hasMessageContaining("both ends");
        }
    }
}
