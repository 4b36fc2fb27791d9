package dev.migrator.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code -- migrator:lint-ignore RULE[,RULE] reason} comments of a section. One silences the
 * named rules on the statement it stands beside: the statement on whose lines it stands (a comment
 * after the semicolon counts), else the next statement after it.
 */
final class IgnoreDirectives {

    private static final String MARKER = "migrator:lint-ignore";

    /** One directive: its line, the rules it names, and the reason given. */
    record Directive(int line, Set<String> rules, String reason) {
    }

    private final List<Directive> directives;

    private IgnoreDirectives(List<Directive> directives) {
        this.directives = directives;
    }

    /** Reads the directives from the comments of a section, so one inside a string is no directive. */
    static IgnoreDirectives of(String sectionSql, int firstLine, Tokenizer tokenizer) {
        List<Directive> found = new ArrayList<>();
        int line = firstLine;
        int counted = 0;
        for (Tokenizer.Comment comment : tokenizer.tokenize(sectionSql).comments()) {
            for (; counted < comment.offset(); counted++) {
                if (sectionSql.charAt(counted) == '\n') {
                    line++;
                }
            }
            Directive directive = parse(comment.text(), line);
            if (directive != null) {
                found.add(directive);
            }
        }
        return new IgnoreDirectives(found);
    }

    private static @Nullable Directive parse(String comment, int line) {
        String body = comment.startsWith("--") ? comment.substring(2).strip() : "";
        if (!body.startsWith(MARKER) || body.length() == MARKER.length()
                || !Character.isWhitespace(body.charAt(MARKER.length()))) {
            return null;
        }
        String rest = body.substring(MARKER.length()).strip();
        int space = indexOfWhitespace(rest);
        String rules = space < 0 ? rest : rest.substring(0, space);
        String reason = space < 0 ? "" : rest.substring(space).strip();
        Set<String> ids = Set.of(rules.toLowerCase(Locale.ROOT).split(","));
        return new Directive(line, ids, reason);
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The reason a finding of {@code rule} on {@code statement} is ignored, or null when no directive
     * beside it names the rule. A directive without a reason still silences, with a reason saying so.
     */
    @Nullable String reason(String rule, LintStatement statement, @Nullable LintStatement previous) {
        for (Directive directive : directives) {
            boolean onIt = directive.line() >= statement.line() && directive.line() <= statement.lastLine();
            boolean before = directive.line() < statement.line()
                    && (previous == null || directive.line() > previous.lastLine());
            if ((onIt || before) && directive.rules().contains(rule)) {
                return directive.reason().isEmpty() ? "(no reason given)" : directive.reason();
            }
        }
        return null;
    }
}
