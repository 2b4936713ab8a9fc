package dev.strompy.spark;

import java.io.Serializable;

/**
 * What the second stage evaluates of a split, numbered from the first stage's counts: the bytes
 * {@code [from, to)} of the split's file, whose first item and line have these numbers in the
 * whole file.
 *
 * @param opens the output's first part: it opens what the format opens (a JSON array)
 * @param resumes an earlier part holds an item: this part's first outcome is not the output's first
 * @param closes the output's last part: it closes what the format opened
 */
record Part(Split split, long from, long to, long firstItem, long firstLine, boolean opens, boolean resumes,
        boolean closes) implements Serializable {
    /** {@return whether the file goes on after this part, with a line that starts an item} */
    boolean endsBeforeItem() {
        return to < split.size();
    }
}
