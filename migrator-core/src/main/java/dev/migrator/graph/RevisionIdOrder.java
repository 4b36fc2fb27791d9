package dev.migrator.graph;

import java.util.Comparator;

/**
 * The order of revision ids among revisions that are ready at the same time: runs of digits
 * compare as numbers ({@code 9} before {@code 10}, {@code V1_2} before {@code V1_10}), the rest
 * character by character; ids that this leaves equal ({@code 007} and {@code 7}) fall back to
 * plain string order. Timestamp ids ({@code 1729894119}) thus run oldest first, as the tools
 * that write them expect.
 */
public final class RevisionIdOrder implements Comparator<String> {

    public static final RevisionIdOrder INSTANCE = new RevisionIdOrder();

    private RevisionIdOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (isDigit(ca) && isDigit(cb)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                int byNumber = compareNumbers(a, skipZeros(a, i, endA), endA, b, skipZeros(b, j, endB), endB);
                if (byNumber != 0) {
                    return byNumber;
                }
                i = endA;
                j = endB;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int byLength = Integer.compare(a.length() - i, b.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    private static int skipZeros(String s, int from, int end) {
        int start = from;
        while (start < end - 1 && s.charAt(start) == '0') {
            start++;
        }
        return start;
    }

    /** Digits without leading zeros: the longer is larger, else the first differing digit decides. */
    private static int compareNumbers(String a, int fromA, int endA, String b, int fromB, int endB) {
        int byLength = Integer.compare(endA - fromA, endB - fromB);
        if (byLength != 0) {
            return byLength;
        }
        for (int k = 0; k < endA - fromA; k++) {
            int byDigit = Character.compare(a.charAt(fromA + k), b.charAt(fromB + k));
            if (byDigit != 0) {
                return byDigit;
            }
        }
        return 0;
    }
}
