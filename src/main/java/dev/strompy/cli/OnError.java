package dev.strompy.cli;

/** What a failed item does to the run ({@code --on-error}). */
public enum OnError {
    /** Stop at the first error; everything finished before it is written. */
    STOP,
    /** Write an error record in the item's place and go on; exit with the first error's status. */
    CONTINUE,
    /** As {@link #CONTINUE}, but exit 0 when every failure was an item error recorded in the output (Spark, Hadoop). */
    RECORD
}
