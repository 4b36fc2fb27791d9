package dev.migrator.internal.plan;

import dev.migrator.graph.Revision;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The order docs/targets.md promises, written independently of {@code RevisionGraph}: Kahn's
 * algorithm over the revisions as written (parents and depends-on, ids resolved by hand), taking
 * among the ready revisions the one whose id sorts first, digit runs compared as numbers. A
 * plain quadratic loop: an oracle should be obviously right, not fast.
 */
final class ReadyByIdModel {

    private static final Pattern TOKEN = Pattern.compile("\\d+|\\D");

    private ReadyByIdModel() {
    }

    static List<String> order(List<Revision> revisions) {
        Map<String, Set<String>> needs = new HashMap<>();
        for (Revision revision : revisions) {
            Set<String> before = new HashSet<>(revision.parents());
            for (String dependency : revision.dependsOn()) {
                before.add(resolve(dependency, revisions));
            }
            needs.put(revision.id(), before);
        }
        List<String> placed = new ArrayList<>();
        while (placed.size() < revisions.size()) {
            String next = null;
            for (Revision revision : revisions) {
                String id = revision.id();
                if (!placed.contains(id) && placed.containsAll(needs.get(id)) && (next == null || compare(id, next) < 0)) {
                    next = id;
                }
            }
            if (next == null) {
                throw new IllegalStateException("cycle");
            }
            placed.add(next);
        }
        return placed;
    }

    /** A depends-on entry: an id, a branch label or a unique prefix. */
    private static String resolve(String reference, List<Revision> revisions) {
        List<String> prefixed = new ArrayList<>();
        for (Revision revision : revisions) {
            if (revision.id().equals(reference)) {
                return reference;
            }
            if (revision.branchLabels().contains(reference)) {
                return revision.id();
            }
            if (revision.id().startsWith(reference)) {
                prefixed.add(revision.id());
            }
        }
        if (prefixed.size() != 1) {
            throw new IllegalStateException("unresolved " + reference);
        }
        return prefixed.get(0);
    }

    static int compare(String a, String b) {
        List<String> x = tokens(a);
        List<String> y = tokens(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            String s = x.get(i);
            String t = y.get(i);
            int c = Character.isDigit(s.charAt(0)) && Character.isDigit(t.charAt(0))
                    ? new BigInteger(s).compareTo(new BigInteger(t))
                    : Character.compare(s.charAt(0), t.charAt(0));
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(x.size(), y.size());
        return c != 0 ? c : a.compareTo(b);
    }

    private static List<String> tokens(String id) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(id);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
