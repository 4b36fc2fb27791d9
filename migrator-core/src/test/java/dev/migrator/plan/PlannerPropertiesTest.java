package dev.migrator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrator.graph.Revision;
import dev.migrator.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Properties of plans over random graphs with branches, merges and depends-on, from a seeded
 * {@link Random}: a failure names the seed of its graph, so {@code -Dmigrator.seed=<seed>}
 * with {@code -Dmigrator.graphs=1} replays exactly that graph.
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

    /** One random graph and a random generator for states and targets in it. */
    static final class Case {

        final Random random;
        final RevisionGraph graph;
        final Planner planner;
        final List<String> ids;

        Case(long seed) {
            random = new Random(seed);
            int size = 1 + random.nextInt(40);
            List<Revision> revisions = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                String id = Integer.toHexString(0x100 + i * 7 + random.nextInt(7)) + "r" + i;
                List<String> parents = new ArrayList<>();
                int kind = random.nextInt(10);
                if (i > 0 && kind > 0) {
                    parents.add(names.get(i - 1 - random.nextInt(Math.min(i, 4))));
                    if (kind >= 8 && i > 1) {
                        String other = names.get(random.nextInt(i));
                        if (!parents.contains(other)) {
                            parents.add(other);
                        }
                    }
                }
                List<String> dependsOn = new ArrayList<>();
                if (i > 1 && random.nextInt(6) == 0) {
                    String dependency = names.get(random.nextInt(i));
                    if (!parents.contains(dependency)) {
                        dependsOn.add(dependency);
                    }
                }
                revisions.add(new Revision(id, parents, List.of(), dependsOn, "", true, id + ".sql"));
                names.add(id);
            }
            Collections.shuffle(revisions, random);
            graph = RevisionGraph.of(revisions);
            planner = new Planner(graph);
            ids = names;
        }

        String anyId() {
            return ids.get(random.nextInt(ids.size()));
        }

        /** The rows of a random applied set (closed under ancestry). */
        Set<String> randomRows() {
            Set<String> picked = new HashSet<>();
            int count = random.nextInt(4);
            for (int i = 0; i < count; i++) {
                picked.add(anyId());
            }
            return graph.maximal(graph.ancestors(picked));
        }

        String randomTarget() {
            int pick = random.nextInt(10);
            return pick == 0 ? "heads" : pick == 1 ? "base" : anyId();
        }

        Set<String> ancestorsOf(String target) {
            return graph.ancestors(planner.rowsAt(target));
        }

        String describe() {
            return graph.revisions().stream()
                    .map(r -> r.id() + "<" + String.join(",", r.parents())
                            + (r.dependsOn().isEmpty() ? "" : "|" + String.join(",", r.dependsOn())))
                    .collect(Collectors.joining(" "));
        }
    }

    /** Replays the plan's changes, checking each against the public HeadMaintainer and the row invariant. */
    private static void assertRowsFollowTheSteps(Case c, Plan plan) {
        Set<String> rows = new LinkedHashSet<>(plan.rowsBefore());
        Set<String> applied = new HashSet<>(c.graph.ancestors(rows));
        for (Step step : plan.steps()) {
            String id = step.revision().id();
            assertThat(step.versionChange()).as("change of %s %s", step.kind(), id)
                    .isEqualTo(HeadMaintainer.change(rows, step.kind(), step.revision(), c.graph));
            if (step.kind() == StepKind.UPGRADE) {
                assertThat(applied).as("needs of %s", id).containsAll(c.graph.predecessors(id)).doesNotContain(id);
                applied.add(id);
            } else {
                assertThat(Collections.disjoint(applied, c.graph.successors(id))).as("no dependants of %s applied", id).isTrue();
                applied.remove(id);
            }
            rows = step.versionChange().applyTo(rows);
            assertThat(rows).as("rows after %s %s", step.kind(), id).isEqualTo(c.graph.maximal(applied));
        }
        assertThat(rows).isEqualTo(plan.rowsAfter());
    }

    private static Set<String> ids(Plan plan) {
        return plan.steps().stream().map(s -> s.revision().id()).collect(Collectors.toSet());
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
    void upgradeAppliesExactlyTheTargetsMissingAncestryNeedsFirst() {
        forRandomGraphs(c -> {
            for (int i = 0; i < 5; i++) {
                Set<String> rows = c.randomRows();
                String target = c.randomTarget();
                Plan plan = c.planner.upgrade(rows, target);

                Set<String> expected = new HashSet<>(c.ancestorsOf(target));
                expected.removeAll(c.graph.ancestors(rows));
                assertThat(ids(plan)).as("upgrade %s to %s", rows, target).isEqualTo(expected);
                assertThat(plan.steps()).hasSize(expected.size());
                assertRowsFollowTheSteps(c, plan);
                Set<String> appliedAfter = new HashSet<>(c.graph.ancestors(rows));
                appliedAfter.addAll(c.ancestorsOf(target));
                assertThat(plan.rowsAfter()).isEqualTo(c.graph.maximal(appliedAfter));
            }
        });
    }

    @Test
    void upgradeThenDowngradeToTheStartRowsRestoresThem() {
        forRandomGraphs(c -> {
            for (int i = 0; i < 5; i++) {
                Set<String> start = c.randomRows();
                Plan up = c.planner.upgrade(start, c.randomTarget());
                Plan down = c.planner.downgradeToRows(up.rowsAfter(), start);

                assertThat(down.rowsAfter()).isEqualTo(start);
                assertThat(ids(down)).isEqualTo(ids(up));
                assertRowsFollowTheSteps(c, down);
                List<Integer> positions = down.steps().stream().map(s -> c.graph.position(s.revision().id())).toList();
                List<Integer> descending = new ArrayList<>(positions);
                descending.sort(Collections.reverseOrder());
                assertThat(positions).isEqualTo(descending);
            }
        });
    }

    @Test
    void downgradeUnappliesEverythingThatIsNoAncestorOfTheTarget() {
        forRandomGraphs(c -> {
            for (int i = 0; i < 5; i++) {
                Set<String> rows = c.graph.maximal(c.graph.ancestors(List.of(c.anyId(), c.anyId())));
                List<String> applied = new ArrayList<>(c.graph.ancestors(rows));
                String target = random(c, applied);
                Plan plan = c.planner.downgrade(rows, target);

                Set<String> expected = new HashSet<>(applied);
                expected.removeAll(c.ancestorsOf(target));
                assertThat(ids(plan)).as("downgrade %s to %s", rows, target).isEqualTo(expected);
                assertRowsFollowTheSteps(c, plan);
                assertThat(plan.rowsAfter()).isEqualTo(c.planner.rowsAt(target));
            }
        });
    }

    private static String random(Case c, List<String> applied) {
        int pick = c.random.nextInt(applied.size() + 1);
        return pick == applied.size() ? "base" : applied.get(pick);
    }

    @Test
    void stampEndsAtTheTargetsRows() {
        forRandomGraphs(c -> {
            for (int i = 0; i < 5; i++) {
                Set<String> rows = c.randomRows();
                String target = c.randomTarget();
                Set<String> targetRows = c.planner.rowsAt(target);

                Plan purged = c.planner.stamp(rows, target, true);
                assertThat(purged.rowsAfter()).as("stamp --purge %s", target).isEqualTo(targetRows);

                Plan stamped = c.planner.stamp(rows, target, false);
                Set<String> replay = stamped.rowsBefore();
                for (Step step : stamped.steps()) {
                    assertThat(step.kind()).isEqualTo(StepKind.STAMP);
                    replay = step.versionChange().applyTo(replay);
                }
                assertThat(replay).isEqualTo(stamped.rowsAfter()).containsAll(targetRows);
                assertThat(c.graph.maximal(stamped.rowsAfter())).as("rows are heads").isEqualTo(stamped.rowsAfter());
                Set<String> others = new HashSet<>(stamped.rowsAfter());
                others.removeAll(targetRows);
                Set<String> line = new HashSet<>(c.graph.ancestors(targetRows));
                line.addAll(c.graph.descendants(targetRows));
                assertThat(others).as("rows kept beside %s", target).isSubsetOf(rows);
                assertThat(Collections.disjoint(others, line)).as("kept rows are off the line of %s", target).isTrue();
            }
        });
    }

    @Test
    void relativeStepsWalkOneParentEdgeAtATime() {
        forRandomGraphs(c -> {
            String id = c.anyId();
            List<String> children = c.graph.children(id);
            Set<String> rows = Set.of(id);
            if (children.size() == 1) {
                assertThat(c.planner.upgrade(rows, "+1").rowsAfter()).contains(children.get(0));
            } else if (children.size() > 1) {
                assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> c.planner.upgrade(rows, "+1")))
                        .hasMessageContaining("branch point");
            }
            List<String> parents = c.graph.parents(id);
            if (parents.size() > 1) {
                assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> c.planner.downgrade(rows, "-1")))
                        .hasMessageContaining("merge point");
            } else {
                Plan down = c.planner.downgrade(rows, "-1");
                assertThat(down.rowsAfter()).isEqualTo(parents.isEmpty() ? Set.of() : c.planner.rowsAt(parents.get(0)));
            }
        });
    }
}
