package dev.strompy.cli;

import dev.strompy.write.Format;
import java.util.List;

/**
 * The resolved, validated options of one run.
 *
 * @param sources file names in order; {@code -} is stdin; never empty
 * @param format the output format
 * @param withSource tag each result with its source and item index
 * @param keepGoing write an error record for a failed item and go on
 * @param maxElements the largest number of entries a matrix may have
 * @param unbuffered flush after every result
 * @param debug print stack traces with errors
 */
public record Options(
        List<String> sources,
        Format format,
        boolean withSource,
        boolean keepGoing,
        long maxElements,
        boolean unbuffered,
        boolean debug) {
    public Options {
        sources = List.copyOf(sources);
    }
}
