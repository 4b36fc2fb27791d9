package dev.migrator.lint;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A run of tokens (a statement, or one clause of it) and the questions rules ask of it. "Top" means
 * at the parenthesis depth of the run's first token, so that words inside an expression or a column
 * list do not count as the statement's own.
 */
final class TokenRun {

    private final List<Token> tokens;
    private final int top;

    TokenRun(List<Token> tokens) {
        this.tokens = List.copyOf(tokens);
        this.top = tokens.isEmpty() ? 0 : tokens.get(0).depth();
    }

    int size() {
        return tokens.size();
    }

    boolean isEmpty() {
        return tokens.isEmpty();
    }

    Token get(int index) {
        return tokens.get(index);
    }

    /** The word at {@code index} in lower case, or "" if there is none or it is no word. */
    String word(int index) {
        return index >= 0 && index < tokens.size() && tokens.get(index).kind() == Token.Kind.WORD
                ? tokens.get(index).text() : "";
    }

    /** Whether the words from {@code index} on are {@code words}, in order. */
    boolean matches(int index, String... words) {
        for (int k = 0; k < words.length; k++) {
            if (!word(index + k).equals(words[k])) {
                return false;
            }
        }
        return true;
    }

    boolean startsWith(String... words) {
        return matches(0, words);
    }

    /** The index of the first top-level occurrence of {@code words} from {@code from} on, or -1. */
    int find(int from, String... words) {
        for (int i = Math.max(0, from); i < tokens.size(); i++) {
            if (tokens.get(i).depth() == top && matches(i, words)) {
                return i;
            }
        }
        return -1;
    }

    boolean hasTop(String... words) {
        return find(0, words) >= 0;
    }

    /** Whether the word occurs at any depth (but never inside a string, comment or quoted name). */
    boolean hasAnywhere(String word) {
        for (Token token : tokens) {
            if (token.isWord(word)) {
                return true;
            }
        }
        return false;
    }

    /** The index after {@code IF EXISTS} or {@code IF NOT EXISTS} at {@code index}, or {@code index}. */
    int skipIfExists(int index) {
        if (matches(index, "if", "not", "exists")) {
            return index + 3;
        }
        return matches(index, "if", "exists") ? index + 2 : index;
    }

    /**
     * The (possibly schema-qualified) name at {@code index}: its last part, lower case unless quoted,
     * or null when no name stands there.
     */
    @Nullable Name name(int index) {
        if (index >= tokens.size() || !tokens.get(index).isName()) {
            return null;
        }
        int i = index;
        while (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol('.') && tokens.get(i + 2).isName()) {
            i += 2;
        }
        return new Name(tokens.get(i).text(), i + 1);
    }

    /** A name and the index of the token after it. */
    record Name(String text, int next) {
    }

    TokenRun from(int index) {
        return new TokenRun(tokens.subList(Math.min(index, tokens.size()), tokens.size()));
    }

    /** The run cut at its top-level commas: the clauses of an ALTER TABLE, the elements of a column list. */
    List<TokenRun> splitAtCommas() {
        List<TokenRun> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).depth() == top && tokens.get(i).isSymbol(',')) {
                parts.add(new TokenRun(tokens.subList(start, i)));
                start = i + 1;
            }
        }
        parts.add(new TokenRun(tokens.subList(start, tokens.size())));
        return parts;
    }

    /** The tokens inside the parentheses opened at {@code open}. */
    TokenRun inside(int open) {
        return new TokenRun(tokens.subList(Math.min(open + 1, tokens.size()), closing(open)));
    }

    /** The index of the parenthesis closing the one at {@code open} (the size if it is never closed). */
    int closing(int open) {
        int depth = tokens.get(open).depth();
        int end = open + 1;
        while (end < tokens.size() && !(tokens.get(end).isSymbol(')') && tokens.get(end).depth() == depth)) {
            end++;
        }
        return end;
    }
}
