package dev.strompy.read;

/** A place in the input the reader has passed (an op's brace, a row's start), mutable so that marking it allocates nothing. */
final class Position {
    long line;
    long column;

    void set(long lineNr, long columnNr) {
        line = lineNr;
        column = columnNr;
    }
}
