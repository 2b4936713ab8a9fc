package dev.strompy.cli;

import dev.strompy.write.Format;
import java.util.List;

/**
 * The resolved, validated options of one run: {@code sources} in order ({@code -} is stdin; never
 * empty), the output {@code format}, {@code withSource} (tag results), {@code onError},
 * {@code maxElements}, {@code unbuffered}, {@code debug} (stack traces), {@code digits} in tables,
 * {@code color} and {@code progress} (resolved with the {@code terminal}), the name stdin goes by
 * ({@code stdinName}), and how many threads decode a large input ({@code jobs}).
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
