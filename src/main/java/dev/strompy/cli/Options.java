package dev.strompy.cli;

import dev.strompy.write.Format;
import java.util.List;

/**
 * The resolved, validated options of one run.
 *
 * @param sources file names in order; {@code -} is stdin; never empty
 * @param format the output format
 * @param withSource tag each result with its source and item index
 * @param onError what a failed item does: stop, or a record in its place and on
 * @param maxElements the largest number of entries a matrix may have
 * @param unbuffered flush after every result
 * @param debug print stack traces with errors
 * @param digits significant digits in tables
 * @param color ANSI colour in tables (resolved from --color, NO_COLOR and the terminal)
 * @param progress a progress bar on stderr for large files (resolved from --no-progress and
 *     the terminal)
 * @param terminal the process's terminal, for the progress bar's width
 * @param stdinName the name stdin goes by in messages and records ({@code -} unless given)
 * @param jobs how many threads decode a large input (1: the main thread alone)
 */
public record Options(
        List<String> sources,
        Format format,
        boolean withSource,
        OnError onError,
        long maxElements,
        boolean unbuffered,
        boolean debug,
        int digits,
        boolean color,
        boolean progress,
        Terminal terminal,
        String stdinName,
        int jobs) {
    public Options {
        sources = List.copyOf(sources);
    }

    /** Whether a failed item gets a record in its place and the run goes on. */
    public boolean keepGoing() {
        return onError != OnError.STOP;
    }
}
