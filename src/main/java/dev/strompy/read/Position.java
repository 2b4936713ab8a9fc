package dev.strompy.read;

/**
 * A place in the input, 1-based, kept by the reader for messages about what it has passed (an
 * op's opening brace, a row's start). Mutable and reused, so that marking a place on the hot
 * path allocates nothing.
 */
final class Position {
    long line;
    long column;

    void set(long lineNr, long columnNr) {
        line = lineNr;
        column = columnNr;
    }
}
