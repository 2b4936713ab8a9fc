package dev.strompy.spark;

import java.io.Serializable;

/**
 * A stretch of one input file as the job plans it: bytes {@code [start, end)} of a file of
 * {@code size} bytes. A split other than a file's first begins at the first line at or after
 * {@code start} that starts an item, and ends where the next split begins; a file that is one
 * array of items, or no larger than the split size, is one {@code whole} split.
 *
 * @param index the split's place among all the job's splits, in input order: its part file's number
 * @param source the file's name in outcomes and errors, as the user gave it
 * @param path the file's Hadoop path
 */
record Split(int index, String source, String path, long start, long end, long size, boolean whole)
        implements Serializable {
    /** {@return whether the split begins at the file's first byte} */
    boolean first() {
        return start == 0;
    }

    /** {@return whether the split reaches the file's end} */
    boolean last() {
        return end == size;
    }
}
