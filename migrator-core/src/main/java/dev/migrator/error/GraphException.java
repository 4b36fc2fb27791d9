package dev.migrator.error;

import java.util.List;

/**
 * The scripts do not form a valid revision graph. Lists every problem found, each naming
 * the revisions and files involved, so a user fixes them all in one go.
 */
public class GraphException extends BadInputException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public GraphException(List<String> problems) {
        super(problems.size() == 1
                ? "Invalid revision graph: " + problems.get(0)
                : "Invalid revision graph (" + problems.size() + " problems):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
