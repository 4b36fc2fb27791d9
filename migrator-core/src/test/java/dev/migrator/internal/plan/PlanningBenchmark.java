package dev.migrator.internal.plan;

import dev.migrator.graph.Revision;
import dev.migrator.graph.RevisionGraph;
import dev.migrator.plan.Plan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Times {@code RevisionGraph.of} plus {@code Planner.upgrade(no rows, "heads")} on generated
 * graphs of 1,000, 10,000 and 100,000 revisions. Not a test: run its main method, e.g.
 * <pre>
 * mvn -o -q test-compile -pl migrator-core -am
 * java -Xss512k -cp migrator-core/target/classes:migrator-core/target/test-classes dev.migrator.internal.plan.PlanningBenchmark
 * </pre>
 * (a small stack shows that nothing recurses per revision). Figures go in docs/targets.md.
 */
public final class PlanningBenchmark {

    private static final int WARM_UPS = 3;
    private static final int RUNS = 7;

    private PlanningBenchmark() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {1_000, 10_000, 100_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf(Locale.ROOT, "%-9s %-7s %-7s %-6s %12s %12s %14s%n", "revisions", "merges", "heads", "rows",
                "graph ms", "total ms", "us/revision");
        for (int n : sizes) {
            List<Revision> revisions = generate(n, new Random(n));
            double[] graphTimes = new double[RUNS];
            double[] totalTimes = new double[RUNS];
            Plan plan = null;
            RevisionGraph graph = null;
            for (int run = -WARM_UPS; run < RUNS; run++) {
                long start = System.nanoTime();
                graph = RevisionGraph.of(revisions);
                long built = System.nanoTime();
                plan = new Planner(graph).upgrade(Set.of(), "heads");
                long planned = System.nanoTime();
                if (run >= 0) {
                    graphTimes[run] = (built - start) / 1e6;
                    totalTimes[run] = (planned - start) / 1e6;
                }
            }
            if (plan.steps().size() != n || !plan.rowsAfter().equals(graph.maximal(graph.heads()))) {
                throw new IllegalStateException("wrong plan for " + n + " revisions");
            }
            double total = median(totalTimes);
            System.out.printf(Locale.ROOT, "%-9d %-7d %-7d %-6d %12.1f %12.1f %14.2f%n", n, graph.mergePoints().size(),
                    graph.heads().size(), plan.rowsAfter().size(), median(graphTimes), total, total * 1000 / n);
        }
    }

    /**
     * A straight line with side branches: every 50 revisions a branch of 5 to 15 revisions
     * starts, and is merged back 10 to 40 revisions later; one in ten never merges (stays a
     * head); one revision in 40 depends on a random earlier one. Ids are random-looking hex,
     * handed over shuffled.
     */
    static List<Revision> generate(int n, Random random) {
        List<Revision> revisions = new ArrayList<>(n);
        List<String> ids = new ArrayList<>(n);
        String tip = null;
        List<String[]> openBranches = new ArrayList<>(); // {branch tip, merge at index}
        for (int i = 0; i < n; i++) {
            String id = String.format(Locale.ROOT, "%012x", (random.nextLong() & 0xffffffffffffL) ^ i);
            List<String> parents = new ArrayList<>();
            List<String> dependsOn = new ArrayList<>();
            String[] merging = null;
            for (String[] branch : openBranches) {
                if (Integer.parseInt(branch[1]) <= i) {
                    merging = branch;
                    break;
                }
            }
            if (i > 0 && i % 50 == 0 && n - i > 20) {
                // start a side branch from the current tip, built right away
                String from = tip;
                int length = 5 + random.nextInt(11);
                for (int k = 0; k < length && i < n - 1; k++) {
                    String branchId = id + "b" + k;
                    revisions.add(rev(branchId, List.of(from), List.of()));
                    ids.add(branchId);
                    from = branchId;
                    i++;
                }
                boolean stays = random.nextInt(10) == 0;
                openBranches.add(new String[] {from, Integer.toString(stays ? Integer.MAX_VALUE : i + 10 + random.nextInt(31))});
            }
            if (tip != null) {
                parents.add(tip);
            }
            if (merging != null) {
                parents.add(merging[0]);
                openBranches.remove(merging);
            }
            if (ids.size() > 10 && random.nextInt(40) == 0) {
                String dependency = ids.get(random.nextInt(ids.size()));
                if (!parents.contains(dependency)) {
                    dependsOn.add(dependency);
                }
            }
            revisions.add(rev(id, parents, dependsOn));
            ids.add(id);
            tip = id;
        }
        Collections.shuffle(revisions, random);
        return revisions;
    }

    private static Revision rev(String id, List<String> parents, List<String> dependsOn) {
        return new Revision(id, parents, List.of(), dependsOn, "", true, id + ".sql");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
