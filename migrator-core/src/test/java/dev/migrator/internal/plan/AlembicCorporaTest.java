package dev.migrator.internal.plan;

import dev.migrator.graph.Revision;
import dev.migrator.graph.RevisionGraph;
import dev.migrator.plan.Plan;
import dev.migrator.plan.Step;
import dev.migrator.plan.StepKind;
import dev.migrator.testing.Corpora;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The revision graphs of three public Alembic projects (shared/corpora/alembic-graphs), with
 * the figures their README lists, all of which Alembic 1.20 agrees with.
 */
class AlembicCorporaTest {

    record Expected(String file, int revisions, Set<String> bases, Set<String> heads, int merges, int branchPoints,
            int maxChildren, int withDependsOn, int withLabels, int longestPath, String longestFrom, String longestTo,
            Map<String, Integer> neededViaParents, Map<String, Integer> neededWithDependsOn,
            int mergesWithMergeParent, int mergesThatBranch) {

        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Expected> corpora() {
        return Stream.of(
                new Expected("truenas__middleware.tsv", 458, Set.of("c6be4fe10acc"), Set.of("8f2a6d1c94b3"), 88, 84, 3, 0, 0,
                        362, "c6be4fe10acc", "8f2a6d1c94b3", Map.of("8f2a6d1c94b3", 458), Map.of("8f2a6d1c94b3", 458), 38, 3),
                new Expected("openstack__neutron.tsv", 132, Set.of("kilo"), Set.of("5c85685d616d", "a1b2c3d4e5f6"), 0, 1, 2,
                        10, 2, 113, "kilo", "a1b2c3d4e5f6", Map.of("5c85685d616d", 20, "a1b2c3d4e5f6", 113),
                        Map.of("5c85685d616d", 58, "a1b2c3d4e5f6", 126), 0, 0),
                new Expected("cds-snc__notification-api.tsv", 454, Set.of("0001_restart_migrations"),
                        Set.of("0522_add_api_key_to_reports"), 7, 7, 2, 0, 0, 446, "0001_restart_migrations",
                        "0522_add_api_key_to_reports", Map.of("0522_add_api_key_to_reports", 454),
                        Map.of("0522_add_api_key_to_reports", 454), 3, 0));
    }

    static List<Revision> load(String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(Corpora.file("alembic-graphs/" + name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(lines.get(0)).isEqualTo("revision\tdown_revisions\tbranch_labels\tdepends_on\tmessage");
        List<Revision> revisions = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split("\t", -1);
            assertThat(cells).as("line %d", i + 1).hasSize(5);
            revisions.add(new Revision(cells[0], list(cells[1]), list(cells[2]), list(cells[3]), cells[4], true,
                    name + ":" + (i + 1)));
        }
        return revisions;
    }

    private static List<String> list(String cell) {
        return cell.isEmpty() ? List.of() : Arrays.stream(cell.split(",")).map(String::strip).toList();
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void graphFiguresMatchTheReadme(Expected expected) {
        List<Revision> revisions = load(expected.file());
        RevisionGraph graph = RevisionGraph.of(revisions);

        assertThat(graph.revisions()).hasSize(expected.revisions());
        assertThat(graph.bases()).isEqualTo(expected.bases());
        assertThat(graph.heads()).isEqualTo(expected.heads());
        assertThat(graph.mergePoints()).hasSize(expected.merges());
        assertThat(graph.branchPoints()).hasSize(expected.branchPoints());
        assertThat(graph.branchPoints().stream().mapToInt(id -> graph.children(id).size()).max().orElse(1))
                .isEqualTo(expected.maxChildren());
        assertThat(revisions.stream().filter(r -> !r.dependsOn().isEmpty())).hasSize(expected.withDependsOn());
        assertThat(revisions.stream().filter(r -> !r.branchLabels().isEmpty())).hasSize(expected.withLabels());
        assertThat(graph.mergePoints().stream()
                .filter(m -> graph.parents(m).stream().anyMatch(graph.mergePoints()::contains))).hasSize(expected.mergesWithMergeParent());
        assertThat(graph.mergePoints().stream().filter(graph.branchPoints()::contains)).hasSize(expected.mergesThatBranch());
        expected.neededViaParents().forEach((head, count) ->
                assertThat(graph.parentAncestors(List.of(head))).as("needed for %s via parents", head).hasSize(count));
        expected.neededWithDependsOn().forEach((head, count) ->
                assertThat(graph.ancestors(List.of(head))).as("needed for %s", head).hasSize(count));
        assertLongestPath(graph, expected);
    }

    /** Longest base-to-head chain over parent edges, by dynamic programming over the topological order. */
    private static void assertLongestPath(RevisionGraph graph, Expected expected) {
        Map<String, Integer> length = new HashMap<>();
        Map<String, String> start = new HashMap<>();
        for (Revision revision : graph.revisions()) {
            int best = 0;
            String from = revision.id();
            for (String parent : graph.parents(revision.id())) {
                if (length.get(parent) > best) {
                    best = length.get(parent);
                    from = start.get(parent);
                }
            }
            length.put(revision.id(), best + 1);
            start.put(revision.id(), from);
        }
        String end = graph.heads().stream().max((a, b) -> Integer.compare(length.get(a), length.get(b))).orElseThrow();
        assertThat(length.get(end)).isEqualTo(expected.longestPath());
        assertThat(end).isEqualTo(expected.longestTo());
        assertThat(start.get(end)).isEqualTo(expected.longestFrom());
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void upgradeHeadsFromNothingAppliesEachRevisionOnceNeedsFirstAndEndsAtTheHeads(Expected expected) {
        RevisionGraph graph = RevisionGraph.of(load(expected.file()));
        Plan plan = new Planner(graph).upgrade(Set.of(), "heads");

        List<String> order = plan.steps().stream().map(s -> s.revision().id()).toList();
        assertThat(order).hasSize(expected.revisions()).doesNotHaveDuplicates();
        Set<String> applied = new HashSet<>();
        Set<String> rows = new LinkedHashSet<>();
        for (Step step : plan.steps()) {
            assertThat(step.kind()).isEqualTo(StepKind.UPGRADE);
            assertThat(applied).as("needs of %s", step.revision().id()).containsAll(graph.predecessors(step.revision().id()));
            applied.add(step.revision().id());
            rows = step.versionChange().applyTo(rows);
            assertThat(rows).as("rows after %s", step.revision().id()).isEqualTo(graph.maximal(applied));
        }
        assertThat(rows).isEqualTo(plan.rowsAfter()).isEqualTo(expected.heads());
    }

    @ParameterizedTest
    @MethodSource("corpora")
    void downgradeBaseFromTheHeadsIsTheUpgradeReversedAndEndsEmpty(Expected expected) {
        RevisionGraph graph = RevisionGraph.of(load(expected.file()));
        Planner planner = new Planner(graph);
        List<String> up = planner.upgrade(Set.of(), "heads").steps().stream().map(s -> s.revision().id()).toList();
        Plan down = planner.downgrade(expected.heads(), "base");

        List<String> reversed = new ArrayList<>(up);
        java.util.Collections.reverse(reversed);
        assertThat(down.steps().stream().map(s -> s.revision().id()).toList()).isEqualTo(reversed);
        Set<String> rows = down.rowsBefore();
        for (Step step : down.steps()) {
            assertThat(step.kind()).isEqualTo(StepKind.DOWNGRADE);
            rows = step.versionChange().applyTo(rows);
        }
        assertThat(rows).isEmpty();
        assertThat(down.rowsAfter()).isEmpty();
    }

    @Test
    void neutronBranchLabelsAndDependencies() {
        List<Revision> revisions = load("openstack__neutron.tsv");
        RevisionGraph graph = RevisionGraph.of(revisions);
        assertThat(graph.branchLabels()).isEqualTo(Map.of("contract", "30018084ec99", "expand", "599c6a226151"));
        assertThat(graph.branchPoints()).containsExactly("kilo");
        Map<String, String> edges = new HashMap<>();
        revisions.stream().filter(r -> !r.dependsOn().isEmpty())
                .forEach(r -> edges.put(r.id(), String.join(",", graph.dependencies(r.id()))));
        assertThat(edges).isEqualTo(Map.of("2e5352a0ad4d", "313373c0ffee", "4ffceebfcdc", "0e66c5227a8a",
                "7d9d8eeec6ad", "5abc0278ca73", "8a6d8bdae39", "32e5974ada25", "97c25b0d2353", "89ab9a816d70",
                "a84ccf28f06a", "a963b38d82f4", "b12a3ef66e62", "67daae611b6e", "e4e236b0e1ff", "7d9d8eeec6ad",
                "e88badaa9591", "7d9d8eeec6ad", "f010820fc498", "7d9d8eeec6ad"));
        assertThat(new Planner(graph).rowsAt("expand@head")).containsExactly("a1b2c3d4e5f6");
        assertThat(new Planner(graph).rowsAt("contract@head")).containsExactly("5c85685d616d");
    }

    @Test
    void neutronExpandAndContractHeadsPlanExactlyTheAncestorsOfTheirHeads() {
        RevisionGraph graph = RevisionGraph.of(load("openstack__neutron.tsv"));
        Planner planner = new Planner(graph);
        Map<String, String> branches = Map.of("expand@head", "a1b2c3d4e5f6", "contract@head", "5c85685d616d");
        branches.forEach((target, head) -> {
            Plan plan = planner.upgrade(Set.of(), target);
            List<String> ids = plan.steps().stream().map(s -> s.revision().id()).toList();
            assertThat(ids).as(target).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(graph.ancestors(List.of(head)));
            assertThat(plan.rowsAfter()).as(target).containsExactly(head);
        });
        assertThat(planner.upgrade(Set.of(), "expand@head").steps()).hasSize(126);
        assertThat(planner.upgrade(Set.of(), "contract@head").steps()).hasSize(58);

        // expand first, then contract: the second plan applies only what the first did not
        Plan expand = planner.upgrade(Set.of(), "expand@head");
        Plan contract = planner.upgrade(expand.rowsAfter(), "contract@head");
        assertThat(expand.steps().size() + contract.steps().size()).isEqualTo(132);
        assertThat(contract.rowsAfter()).containsExactlyInAnyOrder("a1b2c3d4e5f6", "5c85685d616d");
        // Label-qualified downgrades give what Alembic 1.8.1 gives on this graph (run there, written here):
        // contract@kilo keeps expand but for the expand revisions that depend on contract ones. Both
        // branches grow from kilo: Alembic's contract@base goes below it and un-applies everything;
        // migrator's (a documented deviation) keeps the shared kilo and so equals contract@kilo.
        assertThat(planner.downgrade(contract.rowsAfter(), "contract@kilo").rowsAfter()).containsExactly("18a7e90ae768");
        assertThat(planner.downgrade(contract.rowsAfter(), "contract@base").rowsAfter()).containsExactly("18a7e90ae768");
        assertThat(planner.downgrade(contract.rowsAfter(), "contract@-1").rowsAfter())
                .containsExactlyInAnyOrder("2e0d7a8a1586", "a1b2c3d4e5f6");
        assertThat(planner.downgrade(contract.rowsAfter(), "expand@kilo").rowsAfter()).containsExactly("30018084ec99");
    }

    @Test
    void everyCorpusRunsInKahnsOrderWithTheSmallestReadyIdFirst() {
        for (String file : List.of("truenas__middleware.tsv", "openstack__neutron.tsv", "cds-snc__notification-api.tsv")) {
            List<Revision> revisions = load(file);
            assertThat(RevisionGraph.of(revisions).revisions().stream().map(Revision::id).toList()).as(file)
                    .isEqualTo(ReadyByIdModel.order(revisions));
        }
    }
}
