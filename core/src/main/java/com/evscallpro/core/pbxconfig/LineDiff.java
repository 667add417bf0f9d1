package com.evscallpro.core.pbxconfig;

import java.util.ArrayList;
import java.util.List;

/**
 * A small line diff printed in the unified format ({@code diff -u}, 3 lines of context). The common head and tail
 * are skipped first, the middle is compared by longest common subsequence; a middle too large for that (over
 * {@value #MAX_CELLS} cells) is shown as removed then added, which is still a correct diff.
 */
final class LineDiff {

    static final int CONTEXT = 3;
    static final long MAX_CELLS = 4_000_000;

    private LineDiff() {
    }

    enum Op { KEEP, DELETE, INSERT }

    record Edit(Op op, String line, int oldIndex, int newIndex) {
    }

    /** Lines of a text; a final newline does not make an empty last line. */
    static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return lines;
    }

    static List<Edit> edits(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            edits.add(new Edit(Op.KEEP, a.get(i), i, i));
        }
        middle(a, b, head, a.size() - tail, head, b.size() - tail, edits);
        for (int k = tail; k > 0; k--) {
            edits.add(new Edit(Op.KEEP, a.get(a.size() - k), a.size() - k, b.size() - k));
        }
        return edits;
    }

    private static void middle(List<String> a, List<String> b, int a0, int a1, int b0, int b1, List<Edit> edits) {
        int n = a1 - a0;
        int m = b1 - b0;
        if ((long) n * m > MAX_CELLS || n == 0 || m == 0) {
            for (int i = a0; i < a1; i++) {
                edits.add(new Edit(Op.DELETE, a.get(i), i, b0));
            }
            for (int j = b0; j < b1; j++) {
                edits.add(new Edit(Op.INSERT, b.get(j), a1, j));
            }
            return;
        }
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(a0 + i).equals(b.get(b0 + j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(a0 + i).equals(b.get(b0 + j))) {
                edits.add(new Edit(Op.KEEP, a.get(a0 + i), a0 + i, b0 + j));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                edits.add(new Edit(Op.DELETE, a.get(a0 + i), a0 + i, b0 + j)); // removals first, as diff -u
                i++;
            } else {
                edits.add(new Edit(Op.INSERT, b.get(b0 + j), a0 + i, b0 + j));
                j++;
            }
        }
    }

    /** The unified diff of two texts, empty when they are equal. */
    static String unified(String oldName, String newName, String oldText, String newText) {
        List<String> a = lines(oldText);
        List<String> b = lines(newText);
        List<Edit> edits = edits(a, b);
        if (edits.stream().allMatch(e -> e.op() == Op.KEEP)) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldName).append('\n');
        out.append("+++ ").append(newName).append('\n');
        int k = 0;
        while (k < edits.size()) {
            if (edits.get(k).op() == Op.KEEP) {
                k++;
                continue;
            }
            // a hunk: from CONTEXT lines before this change to CONTEXT lines after the last change that is at
            // most 2 * CONTEXT kept lines away from the previous one
            int start = Math.max(0, k - CONTEXT);
            int end = k;
            int lastChange = k;
            while (end < edits.size()) {
                if (edits.get(end).op() != Op.KEEP) {
                    lastChange = end;
                } else if (end - lastChange > 2 * CONTEXT) {
                    break;
                }
                end++;
            }
            end = Math.min(edits.size(), lastChange + CONTEXT + 1);
            hunk(out, edits.subList(start, end));
            k = end;
        }
        return out.toString();
    }

    private static void hunk(StringBuilder out, List<Edit> hunk) {
        int oldCount = 0;
        int newCount = 0;
        for (Edit e : hunk) {
            if (e.op() != Op.INSERT) {
                oldCount++;
            }
            if (e.op() != Op.DELETE) {
                newCount++;
            }
        }
        Edit first = hunk.getFirst();
        int oldStart = oldCount == 0 ? first.oldIndex() : first.oldIndex() + 1;
        int newStart = newCount == 0 ? first.newIndex() : first.newIndex() + 1;
        out.append("@@ -").append(range(oldStart, oldCount)).append(" +").append(range(newStart, newCount))
                .append(" @@\n");
        for (Edit e : hunk) {
            out.append(switch (e.op()) {
                case KEEP -> ' ';
                case DELETE -> '-';
                case INSERT -> '+';
            }).append(e.line()).append('\n');
        }
    }

    private static String range(int start, int count) {
        return count == 1 ? Integer.toString(start) : start + "," + count;
    }
}
