package dev.migrator.internal.plan;

import dev.migrator.error.TargetException;
import dev.migrator.graph.Revision;
import dev.migrator.graph.RevisionGraph;
import dev.migrator.graph.Revisions;
import dev.migrator.plan.Plan;
import dev.migrator.plan.Step;
import dev.migrator.plan.StepKind;
import dev.migrator.plan.VersionChange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Properties of plans over random graphs with branches, merges and depends-on, from a seeded
 * {@link Random}: a failure names the seed of its graph, so {@code -Dmigrator.seed=<seed>}
 * with {@code -Dmigrator.graphs=1} replays exactly that graph. Expected plans and rows come from
 * {@link AppliedSetModel} and {@link ReadyByIdModel}, never from the graph or planner under test.
 */
class PlannerPropertiesTest {

    private static final long SEED = Long.getLong("migrator.seed", 20261125L);
    private static final int GRAPHS = Integer.getInteger("migrator.graphs", 200);

    /** Runs the check on {@link #GRAPHS} random graphs; each gets its own seed, printed on failure. */
    private static void forRandomGraphs(Consumer<Case> check) {
        Random seeds = new Random(SEED);
        for (int i = 0; i < GRAPHS; i++) {
            long seed = i == 0 && Long.getLong("migrator.seed") != null ? SEED : seeds.nextLong();
            Case c = new Case(seed);
            try {
                check.accept(c);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("graph seed " + seed + " (replay with -Dmigrator.seed=" + seed
                        + " -Dmigrator.graphs=1): " + c.describe() + "\n" + e.getMessage(), e);
            }
        }
    }

    /** One random graph, the model of it, and a random generator for states and targets in it. */
    static final class Case {

        final Random random;
        final List<Revision> revisions = new ArrayList<>();
        final AppliedSetModel model;
        final RevisionGraph graph;
        final Planner planner;
        final List<String> ids = new ArrayList<>();

        Case(long seed) {
            random = new Random(seed);
            int size = 1 + random.nextInt(40);
            for (int i = 0; i < size; i++) {
                String id = Integer.toHexString(0x100 + i * 7 + random.nextInt(7)) + "r" + i;
                List<String> parents = new ArrayList<>();
                int kind = random.nextInt(10);
                if (i > 0 && kind > 0) {
                    parents.add(ids.get(i - 1 - random.nextInt(Math.min(i, 4))));
                    if (kind >= 8 && i > 1) {
                        String other = ids.get(random.nextInt(i));
                        if (!parents.contains(other)) {
                            parents.add(other);
                        }
                    }
                }
                List<String> dependsOn = new ArrayList<>();
                if (i > 1 && random.nextInt(6) == 0) {
                    String dependency = ids.get(random.nextInt(i));
                    if (!parents.contains(dependency)) {
                        dependsOn.add(dependency);
                    }
                }
                revisions.add(new Revision(id, parents, List.of(), dependsOn, "", true, id + ".sql"));
                ids.add(id);
            }
            Collections.shuffle(revisions, random);
            model = new AppliedSetModel(revisions);
            graph = RevisionGraph.of(revisions);
            planner = new Planner(graph);
        }

        String anyId() {
            return ids.get(random.nextInt(ids.size()));
        }

        /** The rows of a random applied set. */
        Set<String> randomRows() {
            Set<String> picked = new HashSet<>();
            int count = random.nextInt(4);
            for (int i = 0; i < count; i++) {
                picked.add(anyId());
            }
            return model.rows(model.closure(picked));
        }

        String randomTarget() {
            int pick = random.nextInt(10);
            return pick == 0 ? "heads" : pick == 1 ? "base" : anyId();
        }

        /** The applied set a target names: all of its revisions' ancestry. */
        Set<String> appliedAt(String target) {
            return switch (target) {
                case "heads" -> model.all();
                case "base" -> Set.of();
                default -> model.closure(Set.of(target));
            };
        }

        /** The revisions of {@link ReadyByIdModel}'s order among {@code ids}, in that order. */
        List<String> inOrder(Set<String> ids) {
            return ReadyByIdModel.order(revisions).stream().filter(ids::contains).toList();
        }

        String describe() {
            return revisions.stream()
                    .map(r -> r.id() + "<" + String.join(",", r.parents())
                            + (r.dependsOn().isEmpty() ? "" : "|" + String.join(",", r.dependsOn())))
                    .collect(Collectors.joining(" "));
        }
    }

    /**
     * Replays the plan step by step on the model's applied set: each step's needs are met, and the
     * rows its change leaves are the maximal elements of the applied set after it.
     */
    private static void assertStepsFollowTheModel(Case c, Plan plan) {
        Set<String> rows = new TreeSet<>(plan.rowsBefore());
        Set<String> applied = c.model.closure(rows);
        for (Step step : plan.steps()) {
            String id = step.revision().id();
            if (step.kind() == StepKind.UPGRADE) {
                assertThat(applied).as("needs of %s", id).containsAll(c.model.needsOf(id)).doesNotContain(id);
                applied.add(id);
            } else {
                assertThat(step.kind()).isEqualTo(StepKind.DOWNGRADE);
                assertThat(applied).as("applied before un-applying").contains(id);
                assertThat(applied).as("revisions still needing %s", id)
                        .noneMatch(other -> c.model.needsOf(other).contains(id));
                applied.remove(id);
            }
            rows = replay(rows, step.versionChange());
            assertThat(rows).as("rows after %s %s", step.kind(), id).isEqualTo(c.model.rows(applied));
        }
        assertThat(plan.rowsAfter()).as("plan's rows after").isEqualTo(rows);
    }

    /** Deletes, then updates, then inserts (docs/targets.md), each on rows that are there or not. */
    private static Set<String> replay(Set<String> rows, VersionChange change) {
        Set<String> after = new TreeSet<>(rows);
        for (String row : change.deletes()) {
            assertThat(after.remove(row)).as("deleted row %s was there", row).isTrue();
        }
        for (VersionChange.Update update : change.updates()) {
            assertThat(after.remove(update.from())).as("updated row %s was there", update.from()).isTrue();
            assertThat(after.add(update.to())).as("row %s is new", update.to()).isTrue();
        }
        for (String row : change.inserts()) {
            assertThat(after.add(row)).as("inserted row %s is new", row).isTrue();
        }
        return after;
    }

    private static Set<String> ids(Plan plan) {
        return plan.steps().stream().map(s -> s.revision().id()).collect(Collectors.toSet());
    }

    private static List<String> order(Plan plan) {
        return plan.steps().stream().map(s -> s.revision().id()).toList();
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> difference = new TreeSet<>(a);
        difference.removeAll(b);
        return difference;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new TreeSet<>(a);
        union.addAll(b);
        return union;
    }

    @Test
    void revisionsAndPlansFollowKahnsOrderTakingTheSmallestReadyIdFirst() {
        Random seeds = new Random(SEED ^ 0x5eed);
        for (int g = 0; g < GRAPHS; g++) {
            long seed = seeds.nextLong();
            Random random = new Random(seed);
            List<Revision> revisions = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(30); i++) {
                // timestamp-like, short numeric, prefixed and hex ids side by side: the tie-break decides often
                String id = switch (random.nextInt(4)) {
                    case 0 -> String.valueOf(1_700_000_000L + random.nextInt(1000));
                    case 1 -> String.valueOf(random.nextInt(120));
                    case 2 -> "V" + random.nextInt(3) + "_" + random.nextInt(12);
                    default -> Integer.toHexString(random.nextInt(1 << 16));
                };
                if (revisions.stream().anyMatch(r -> r.id().equals(id))) {
                    continue;
                }
                List<String> parents = new ArrayList<>();
                List<String> dependsOn = new ArrayList<>();
                for (Revision earlier : revisions) {
                    int roll = random.nextInt(revisions.size() + 2);
                    if (roll == 0) {
                        parents.add(earlier.id());
                    } else if (roll == 1) {
                        dependsOn.add(earlier.id());
                    }
                }
                revisions.add(new Revision(id, parents, List.of(), dependsOn, "", true, id + ".sql"));
            }
            Collections.shuffle(revisions, random);
            RevisionGraph graph = RevisionGraph.of(revisions);
            List<String> expected = ReadyByIdModel.order(revisions);
            assertThat(graph.revisions().stream().map(Revision::id).toList()).as("graph seed " + seed).isEqualTo(expected);
            List<String> planned = new Planner(graph).upgrade(Set.of(), "heads").steps().stream()
                    .map(step -> step.revision().id()).toList();
            assertThat(planned).as("graph seed " + seed).isEqualTo(expected);
        }
    }

    @Test
    void upgradeAppliesExactlyTheTargetsMissingAncestryInRevisionOrder() {
        forRandomGraphs(c -> {
            for (int i = 0; i < 5; i++) {
                Set<String> rows = c.randomRows();
                String target = c.randomTarget();
                Plan plan = c.planner.upgrade(rows, target);

                Set<String> before = c.model.closure(rows);
                Set<String> missing = minus(c.appliedAt(target), before);
                assertThat(order(plan)).as("upgrade %s to %s", rows, target).isEqualTo(c.inOrder(missing));
                assertStepsFollowTheModel(c, plan);
                assertThat(plan.rowsAfter()).isEqualTo(c.model.rows(union(before, c.appliedAt(target))));
            }
        });
    }

    @Test
    void upgradeThenDowngradeToTheStartRowsRestoresThemInReverseOrder() {
        forRandomGraphs(c -> {
            for (int i = 0; i < 5; i++) {
                Set<String> start = c.randomRows();
                Plan up = c.planner.upgrade(start, c.randomTarget());
                Plan down = c.planner.downgradeToRows(up.rowsAfter(), start);

                assertThat(down.rowsAfter()).isEqualTo(start);
                List<String> reversed = new ArrayList<>(c.inOrder(ids(up)));
                Collections.reverse(reversed);
                assertThat(order(down)).isEqualTo(reversed);
                assertStepsFollowTheModel(c, down);
            }
        });
    }

    @Test
    void downgradeUnappliesEverythingThatIsNoAncestorOfTheTarget() {
        forRandomGraphs(c -> {
            for (int i = 0; i < 5; i++) {
                Set<String> rows = c.model.rows(c.model.closure(List.of(c.anyId(), c.anyId())));
                List<String> applied = new ArrayList<>(c.model.closure(rows));
                int pick = c.random.nextInt(applied.size() + 1);
                String target = pick == applied.size() ? "base" : applied.get(pick);
                Plan plan = c.planner.downgrade(rows, target);

                Set<String> unapplied = minus(c.model.closure(rows), c.appliedAt(target));
                List<String> expected = new ArrayList<>(c.inOrder(unapplied));
                Collections.reverse(expected);
                assertThat(order(plan)).as("downgrade %s to %s", rows, target).isEqualTo(expected);
                assertStepsFollowTheModel(c, plan);
                assertThat(plan.rowsAfter()).isEqualTo(target.equals("base") ? Set.of() : Set.of(target));
            }
        });
    }

    @Test
    void aLabelQualifiedDowngradeUnappliesWhatDescendsFromTheTargetsChildrenOnTheBranch() {
        forRandomGraphs(c -> {
            String labelled = c.anyId();
            List<Revision> withLabel = c.revisions.stream()
                    .map(r -> r.id().equals(labelled) ? Revisions.labelled(r, "lab") : r).toList();
            Planner planner = new Planner(RevisionGraph.of(withLabel));
            Set<String> branch = c.model.branch(labelled);
            for (int i = 0; i < 5; i++) {
                Set<String> rows = c.randomRows();
                List<String> appliedOnBranch = c.model.closure(rows).stream().filter(branch::contains).toList();
                if (appliedOnBranch.isEmpty()) {
                    continue;
                }
                String target = appliedOnBranch.get(c.random.nextInt(appliedOnBranch.size()));
                Plan plan = planner.downgrade(rows, "lab@" + target);

                List<String> children = c.model.children(target);
                Set<String> above = new TreeSet<>(children);
                if (children.size() > 1) {
                    above.retainAll(branch);
                }
                Set<String> applied = c.model.closure(rows);
                Set<String> unapplied = new TreeSet<>(c.model.dependants(above));
                unapplied.retainAll(applied);
                List<String> expected = new ArrayList<>(c.inOrder(unapplied));
                Collections.reverse(expected);
                assertThat(order(plan)).as("downgrade %s to lab@%s, lab on %s", rows, target, labelled)
                        .isEqualTo(expected);
                assertStepsFollowTheModel(c, plan);
                assertThat(plan.rowsAfter()).isEqualTo(c.model.rows(minus(applied, unapplied)));
            }
        });
    }

    @Test
    void stampReplacesTheRowsOnTheTargetsLineAndKeepsTheOthers() {
        forRandomGraphs(c -> {
            for (int i = 0; i < 5; i++) {
                Set<String> rows = c.randomRows();
                String target = c.randomTarget();
                Set<String> targetRows = c.model.rows(c.appliedAt(target));

                Plan purged = c.planner.stamp(rows, target, true);
                assertThat(purged.purge()).isTrue();
                assertThat(purged.rowsBefore()).isEmpty();
                assertThat(purged.rowsAfter()).as("stamp --purge %s", target).isEqualTo(targetRows);

                Plan stamped = c.planner.stamp(rows, target, false);
                Set<String> replayed = stamped.rowsBefore();
                for (Step step : stamped.steps()) {
                    assertThat(step.kind()).isEqualTo(StepKind.STAMP);
                    replayed = replay(replayed, step.versionChange());
                }
                Set<String> expected = switch (target) {
                    case "heads" -> targetRows;
                    case "base" -> Set.of();
                    default -> union(minus(rows, union(c.model.closure(Set.of(target)),
                            c.model.dependants(Set.of(target)))), Set.of(target));
                };
                assertThat(stamped.rowsAfter()).as("stamp %s from %s", target, rows).isEqualTo(expected)
                        .isEqualTo(replayed);
            }
        });
    }

    @Test
    void relativeStepsWalkOneParentEdgeAtATime() {
        forRandomGraphs(c -> {
            String id = c.anyId();
            List<String> children = c.model.children(id);
            Set<String> rows = Set.of(id);
            if (children.size() == 1) {
                String child = children.get(0);
                assertThat(c.planner.upgrade(rows, "+1").rowsAfter())
                        .isEqualTo(c.model.rows(union(c.model.closure(rows), c.model.closure(Set.of(child)))));
            } else if (children.size() > 1) {
                assertThat(catchThrowable(() -> c.planner.upgrade(rows, "+1"))).isInstanceOf(TargetException.class)
                        .hasMessageContaining("'" + id + "' is a branch point with "
                                + String.join(", ", c.inOrder(new HashSet<>(children))) + " above it");
            }
            List<String> parents = c.model.parents(id);
            if (parents.size() > 1) {
                assertThat(catchThrowable(() -> c.planner.downgrade(rows, "-1"))).isInstanceOf(TargetException.class)
                        .hasMessageContaining("'" + id + "' is a merge point of ");
            } else {
                Plan down = c.planner.downgrade(rows, "-1");
                assertThat(down.rowsAfter()).isEqualTo(parents.isEmpty() ? Set.of() : Set.of(parents.get(0)));
            }
        });
    }
}
