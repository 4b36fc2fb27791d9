package dev.migrator.internal.plan;

import dev.migrator.error.TargetException;
import dev.migrator.graph.RevisionGraph;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The target grammar (docs/targets.md): turns a target into the revisions it names. Relative
 * targets walk parent edges one revision at a time, as Alembic does, and refuse to guess at a
 * branch point (upwards) or a merge point (downwards).
 */
final class Targets {

    /** {@code [label@][symbol](+|-)N}, Alembic's relative destination. */
    private static final Pattern RELATIVE = Pattern.compile("(?:([A-Za-z0-9_]+)@)?([A-Za-z0-9_]+)?([+-])(\\d+)");

    private static final Pattern LABELLED = Pattern.compile("([A-Za-z0-9_]+)@([A-Za-z0-9_]+)");

    /**
     * What a target names.
     *
     * @param revisions the named revisions; empty means base
     * @param label the branch label the target was qualified with, if any
     */
    record Destination(Set<String> revisions, @Nullable String label) {
    }

    private final RevisionGraph graph;

    Targets(RevisionGraph graph) {
        this.graph = graph;
    }

    /** A target that does not depend on the current rows. */
    Destination absolute(String target) {
        Matcher relative = RELATIVE.matcher(target);
        if (relative.matches()) {
            if (relative.group(2) == null) {
                throw new TargetException("Target '" + target + "' is relative to the current revisions,"
                        + " which are not known here; name a revision (e.g. rev" + relative.group(3) + relative.group(4) + ")");
            }
            return relativeTo(target, relative, walkSign(relative));
        }
        return named(target);
    }

    /** A target for upgrade: {@code +N} walks up from the current rows; {@code -N} alone is refused. */
    Destination forUpgrade(Set<String> rows, String target) {
        Matcher relative = RELATIVE.matcher(target);
        if (!relative.matches()) {
            return named(target);
        }
        if (relative.group(2) != null) {
            return relativeTo(target, relative, walkSign(relative));
        }
        if (relative.group(3).equals("-")) {
            throw new TargetException("'" + target + "' is a downgrade target; upgrade takes +N, rev+N or rev-N");
        }
        String label = relative.group(1);
        @Nullable String start = current(rows, label, target, true);
        return new Destination(single(walk(start, count(relative, target), label, target)), label);
    }

    /** A target for downgrade: {@code -N} walks down from the current rows; {@code +N} alone is refused. */
    Destination forDowngrade(Set<String> rows, String target) {
        Matcher relative = RELATIVE.matcher(target);
        if (!relative.matches()) {
            return named(target);
        }
        if (relative.group(2) != null) {
            return relativeTo(target, relative, walkSign(relative));
        }
        if (relative.group(3).equals("+")) {
            throw new TargetException("'" + target + "' is an upgrade target; downgrade takes -N, rev-N or rev+N");
        }
        String label = relative.group(1);
        @Nullable String start = current(rows, label, target, false);
        if (start == null) {
            throw new TargetException("Cannot downgrade '" + target + "': nothing is applied"
                    + (label == null ? "" : " on branch '" + label + "'"));
        }
        return new Destination(single(walk(start, -count(relative, target), label, target)), label);
    }

    /** Relative targets for stamp: {@code -N} walks down, {@code +N} up. */
    Destination forStamp(Set<String> rows, String target) {
        Matcher relative = RELATIVE.matcher(target);
        if (relative.matches() && relative.group(2) == null && relative.group(3).equals("-")) {
            return forDowngrade(rows, target);
        }
        return forUpgrade(rows, target);
    }

    /** Revisions on the label's line: the labelled revision, its ancestors and descendants through parents. */
    Set<String> lineage(String label) {
        String labelled = labelled(label);
        Set<String> line = new LinkedHashSet<>(graph.parentAncestors(List.of(labelled)));
        line.addAll(graph.parentDescendants(List.of(labelled)));
        return line;
    }

    /**
     * The label's branch without the revisions it shares with other branches (their common
     * ancestors): what belongs to that branch alone.
     */
    Set<String> ownRevisions(String label) {
        Set<String> line = lineage(label);
        List<String> offBranch = new ArrayList<>();
        for (dev.migrator.graph.Revision revision : graph.revisions()) {
            if (!line.contains(revision.id())) {
                offBranch.add(revision.id());
            }
        }
        Set<String> own = new LinkedHashSet<>(line);
        own.removeAll(graph.parentAncestors(offBranch));
        return own;
    }

    private Destination named(String target) {
        if (target.isBlank()) {
            throw new TargetException("Empty target; use heads, head, base, a revision, a label or +N/-N");
        }
        switch (target) {
            case "heads":
                return new Destination(graph.heads(), null);
            case "head":
                return new Destination(Set.of(onlyHead(graph.heads(), "")), null);
            case "base":
                return new Destination(Set.of(), null);
            default:
                break;
        }
        Matcher labelled = LABELLED.matcher(target);
        if (labelled.matches()) {
            String label = labelled.group(1);
            return new Destination(inBranch(label, labelled.group(2)), label);
        }
        if (target.contains("@")) {
            throw new TargetException("Target '" + target + "' is malformed; labelled targets look like label@head,"
                    + " label@base, label@<revision>, label@+N or label@-N");
        }
        return new Destination(Set.of(graph.resolve(target)), null);
    }

    private Set<String> inBranch(String label, String symbol) {
        String labelled = labelled(label);
        switch (symbol) {
            case "base":
                return Set.of();
            case "heads":
                return labelHeads(labelled);
            case "head":
                return Set.of(onlyHead(labelHeads(labelled), " on branch '" + label + "'"));
            default:
                String id = graph.resolve(symbol);
                if (!lineage(label).contains(id)) {
                    throw new TargetException("Revision '" + id + "' is not on branch '" + label + "'");
                }
                return Set.of(id);
        }
    }

    private Set<String> labelHeads(String labelled) {
        Set<String> heads = new LinkedHashSet<>(graph.heads());
        heads.retainAll(graph.parentDescendants(List.of(labelled)));
        return heads;
    }

    private String labelled(String label) {
        String labelled = graph.branchLabels().get(label);
        if (labelled == null) {
            throw new TargetException("No branch label '" + label + "'; labels: "
                    + (graph.branchLabels().isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(graph.branchLabels().keySet()))));
        }
        return labelled;
    }

    private static String onlyHead(Set<String> heads, String where) {
        if (heads.size() != 1) {
            throw new TargetException("'head' needs exactly one head" + where + ", but there are " + heads.size()
                    + ": " + String.join(", ", heads) + "; use heads, a label@head or a revision");
        }
        return heads.iterator().next();
    }

    private Destination relativeTo(String target, Matcher relative, int sign) {
        String label = relative.group(1);
        String symbol = relative.group(2);
        @Nullable String start = switch (symbol) {
            case "head", "heads", "base" -> {
                if (symbol.equals("base")) {
                    yield null;
                }
                yield label == null ? onlyHead(graph.heads(), "") : single(inBranch(label, "head"));
            }
            default -> label == null ? graph.resolve(symbol) : single(inBranch(label, symbol));
        };
        if (start == null && sign < 0) {
            throw new TargetException("Target '" + target + "' walks below base");
        }
        return new Destination(single(walk(start, sign * count(relative, target), label, target)), label);
    }

    private static int walkSign(Matcher relative) {
        return relative.group(3).equals("+") ? 1 : -1;
    }

    private static int count(Matcher relative, String target) {
        try {
            return Integer.parseInt(relative.group(4));
        } catch (NumberFormatException e) {
            throw new TargetException("Target '" + target + "': " + relative.group(4) + " steps is too many");
        }
    }

    private static Set<String> single(@Nullable String id) {
        return id == null ? Set.of() : Set.of(id);
    }

    private static @Nullable String single(Set<String> ids) {
        return ids.isEmpty() ? null : ids.iterator().next();
    }

    /**
     * The one current revision a relative walk starts from: the only row; with a label, the row on
     * the label's branch, or where no row is on it, the tip of what is applied there (Alembic's
     * order); null = nothing applied (before base).
     */
    private @Nullable String current(Set<String> rows, @Nullable String label, String target, boolean up) {
        Set<String> candidates;
        if (label == null) {
            candidates = rows;
        } else {
            Set<String> line = lineage(label);
            candidates = new LinkedHashSet<>(rows);
            candidates.retainAll(line);
            if (candidates.isEmpty()) {
                Set<String> appliedOnLine = new LinkedHashSet<>(graph.ancestors(rows));
                appliedOnLine.retainAll(line);
                for (String id : appliedOnLine) {
                    if (graph.children(id).stream().noneMatch(appliedOnLine::contains)) {
                        candidates.add(id);
                    }
                }
                if (!up && !candidates.isEmpty() && !ownRevisions(label).containsAll(candidates)) {
                    // Walking down from a revision the branch shares with others would take those branches too.
                    throw new TargetException("Cannot downgrade '" + target + "': nothing of branch '" + label
                            + "' is applied above what it shares with other branches (" + String.join(", ", candidates)
                            + "); name the revision to go down to instead");
                }
            }
        }
        if (candidates.size() > 1) {
            throw new TargetException("Target '" + target + "' is ambiguous: there are several current revisions ("
                    + String.join(", ", candidates) + "); use label@" + (up ? "+N" : "-N") + " or rev"
                    + (up ? "+N" : "-N") + " to say which one to walk from");
        }
        return candidates.isEmpty() ? null : candidates.iterator().next();
    }

    /**
     * Walks {@code steps} revisions up (positive) or down (negative) along parent edges; null is
     * the state before the first revision (base). Returns null when the walk ends at base.
     */
    private @Nullable String walk(@Nullable String start, int steps, @Nullable String label, String target) {
        @Nullable Set<String> line = label == null ? null : lineage(label);
        @Nullable String at = start;
        for (int step = 0; step < Math.abs(steps); step++) {
            if (steps > 0) {
                List<String> next = new ArrayList<>(at == null ? graph.bases() : graph.children(at));
                if (line != null) {
                    next.retainAll(line);
                }
                if (next.isEmpty()) {
                    throw new TargetException("Target '" + target + "' walks past the last revision"
                            + (at == null ? "" : " '" + at + "'") + " after " + step + " of " + steps + " steps");
                }
                if (next.size() > 1) {
                    throw new TargetException("Target '" + target + "' is ambiguous: "
                            + (at == null ? "there are several bases" : "'" + at + "' is a branch point")
                            + " with " + String.join(", ", next) + " above it; name a branch (label@+N) or a revision");
                }
                at = next.get(0);
            } else {
                if (at == null) {
                    throw new TargetException("Target '" + target + "' walks below base after " + step + " of "
                            + -steps + " steps");
                }
                List<String> parents = graph.parents(at);
                if (parents.size() > 1) {
                    throw new TargetException("Target '" + target + "' is ambiguous: '" + at + "' is a merge point of "
                            + String.join(", ", parents) + "; name a revision instead");
                }
                at = parents.isEmpty() ? null : parents.get(0);
            }
        }
        return at;
    }
}
