package dev.migrator.error;

import java.util.List;

/**
 * Applied revisions whose scripts were edited since they ran. Lists each with its file, and
 * says how to accept the change (stamp, or turn the check off).
 */
public class ChecksumMismatchException extends BadInputException {

    private static final long serialVersionUID = 1L;

    private final List<String> revisions;

    public ChecksumMismatchException(List<String> revisions, String message) {
        super(message);
        this.revisions = List.copyOf(revisions);
    }

    public List<String> revisions() {
        return revisions;
    }
}
