package com.evscallpro.core.pbxconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The unified format as {@code diff -u} prints it. */
class LineDiffTest {

    @Test
    void equal_texts_give_no_diff() {
        assertThat(LineDiff.unified("a", "b", "x\ny\n", "x\ny\n")).isEmpty();
        assertThat(LineDiff.unified("a", "b", "", "")).isEmpty();
    }

    @Test
    void a_changed_line_comes_with_three_lines_of_context() {
        String old = "1\n2\n3\n4\n5\n6\n7\n8\n";
        String now = "1\n2\n3\n4\nfive\n6\n7\n8\n";

        assertThat(LineDiff.unified("old", "new", old, now)).isEqualTo("""
                --- old
                +++ new
                @@ -2,7 +2,7 @@
                 2
                 3
                 4
                -5
                +five
                 6
                 7
                 8
                """);
    }

    @Test
    void a_new_file_is_one_hunk_of_additions() {
        assertThat(LineDiff.unified("f", "f (generated)", "", "a\nb\n")).isEqualTo("""
                --- f
                +++ f (generated)
                @@ -0,0 +1,2 @@
                +a
                +b
                """);
    }

    @Test
    void distant_changes_make_separate_hunks_and_close_ones_merge() {
        String old = IntStream.rangeClosed(1, 20).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n"));
        String now = old.replace("\n2\n", "\ntwo\n").replace("\n18\n", "\n").replace("\n10\n", "\n10\nten\n");

        assertThat(LineDiff.unified("o", "n", old, now)).isEqualTo("""
                --- o
                +++ n
                @@ -1,5 +1,5 @@
                 1
                -2
                +two
                 3
                 4
                 5
                @@ -8,6 +8,7 @@
                 8
                 9
                 10
                +ten
                 11
                 12
                 13
                @@ -15,6 +16,5 @@
                 15
                 16
                 17
                -18
                 19
                 20
                """);
    }

    @Test
    void removing_everything_is_one_hunk_of_deletions() {
        assertThat(LineDiff.unified("f", "g", "a\nb\n", "")).isEqualTo("--- f\n+++ g\n@@ -1,2 +0,0 @@\n-a\n-b\n");
    }
}
