package dev.migrator.lint;

/**
 * One token of a statement.
 *
 * @param kind what the token is
 * @param text a word in lower case; a quoted name without its quotes, case kept; a string as written
 * @param depth how many parentheses enclose the token
 * @param offset where it starts in the statement text
 */
record Token(Kind kind, String text, int depth, int offset) {

    enum Kind {
        /** An unquoted name or keyword. */
        WORD,
        /** A quoted name: {@code "..."} or, in MySQL, {@code `...`}. */
        QUOTED_NAME,
        /** Any string constant, dollar-quoted bodies included. */
        STRING,
        NUMBER,
        /** One punctuation or operator character. */
        SYMBOL
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    boolean isSymbol(char symbol) {
        return kind == Kind.SYMBOL && text.charAt(0) == symbol;
    }

    boolean isName() {
        return kind == Kind.WORD || kind == Kind.QUOTED_NAME;
    }
}
