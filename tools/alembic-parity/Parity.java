import dev.migrator.graph.*;
import dev.migrator.plan.*;
import java.util.*;
import java.util.regex.*;

public class Parity {
    public static void main(String[] a) throws Exception {
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null) {
            String[] parts = line.split("\t");
            String spec = parts[0];
            List<Revision> revs = new ArrayList<>();
            for (String p : spec.split(";")) {
                p = p.strip(); if (p.isEmpty()) continue;
                Matcher m = Pattern.compile("(\\w+)\\s*<-\\s*([\\w, ]*?)\\s*(\\[(\\w+)\\])?\\s*(\\{([\\w, ]+)\\})?\\s*$").matcher(p);
                if (!m.matches()) throw new IllegalStateException(p);
                List<String> parents = new ArrayList<>(); for (String x : m.group(2).split(",")) if (!x.isBlank()) parents.add(x.strip());
                List<String> labels = m.group(4) == null ? List.of() : List.of(m.group(4));
                List<String> deps = new ArrayList<>(); if (m.group(6) != null) for (String x : m.group(6).split(",")) deps.add(x.strip());
                revs.add(new Revision(m.group(1), parents, labels, deps, "", true, m.group(1)));
            }
            Planner planner = new Planner(RevisionGraph.of(revs));
            Set<String> rows = new TreeSet<>();
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < parts.length; i++) {
                String[] w = parts[i].split(" ");
                String res;
                try {
                    Plan plan = switch (w[0]) {
                        case "upgrade" -> planner.upgrade(rows, w[1]);
                        case "downgrade" -> planner.downgrade(rows, w[1]);
                        case "stamp" -> planner.stamp(rows, Arrays.asList(w).subList(1, w.length), false);
                        default -> throw new IllegalStateException(w[0]);
                    };
                    rows = new TreeSet<>(plan.rowsAfter());
                    res = "ok";
                } catch (RuntimeException e) {
                    res = "ERROR";
                }
                out.append(parts[i]).append(" -> ").append(rows).append(" ").append(res).append("\t");
            }
            System.out.println(out);
        }
    }
}
