package dev.migrator.graph;

import java.util.List;

/** Short ways to write revisions in tests; sources are {@code <id>.sql}. */
public final class Revisions {

    private Revisions() {
    }

    public static Revision rev(String id, String... parents) {
        return new Revision(id, List.of(parents), List.of(), List.of(), "", true, id + ".sql");
    }

    public static Revision labelled(Revision r, String... labels) {
        return new Revision(r.id(), r.parents(), List.of(labels), r.dependsOn(), r.message(), r.reversible(), r.source());
    }

    public static Revision dependsOn(Revision r, String... dependencies) {
        return new Revision(r.id(), r.parents(), r.branchLabels(), List.of(dependencies), r.message(), r.reversible(),
                r.source());
    }

    public static Revision irreversible(Revision r) {
        return new Revision(r.id(), r.parents(), r.branchLabels(), r.dependsOn(), r.message(), false, r.source());
    }

    public static Revision from(Revision r, String source) {
        return new Revision(r.id(), r.parents(), r.branchLabels(), r.dependsOn(), r.message(), r.reversible(), source);
    }

    public static RevisionGraph graph(Revision... revisions) {
        return RevisionGraph.of(List.of(revisions));
    }
}
