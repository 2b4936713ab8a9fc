package dev.strompy.cli;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Opens sources by name: {@code -} is stdin, anything else a file. */
final class Sources {
    private Sources() {
    }

    /**
     * {@return the source's bytes; closing them leaves stdin open}
     *
     * @throws StrompyError of type {@link ErrorType#NO_INPUT} when the file is missing, unreadable
     *     or a directory, or stdin is closed ({@code stdinIsClosed}: the process has none)
     */
    static InputStream open(String name, InputStream stdin, boolean stdinIsClosed) {
        if (name.equals("-")) {
            if (stdinIsClosed) {
                throw new StrompyError(ErrorType.NO_INPUT, "stdin is closed").atSource(name);
            }
            return new FilterInputStream(stdin) {
                @Override
                public void close() {
                    // stdin belongs to the process, not to one source
                }
            };
        }
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            // The JVM decodes names with the locale's charset; under LC_ALL=C that is ASCII.
            throw new StrompyError(ErrorType.NO_INPUT, "the name cannot be opened in this locale's character set"
                    + " (run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8)", e).atSource(name);
        }
        if (Files.isDirectory(path)) {
            throw new StrompyError(ErrorType.NO_INPUT, "Is a directory").atSource(name);
        }
        try {
            return new FileInputStream(name);
        } catch (FileNotFoundException e) {
            String option = !Files.exists(path) && Flags.commandLine().getCommandSpec().findOption("--" + name) != null
                    ? " (did you mean --" + name + "?)" : "";
            throw new StrompyError(ErrorType.NO_INPUT, reason(path) + option, e).atSource(name);
        } catch (SecurityException e) {
            throw new StrompyError(ErrorType.NO_INPUT, "Permission denied", e).atSource(name);
        }
    }

    /** {@return the bytes left in a regular file (stdin too, {@code < file}), or -1 for a pipe, a device, a stream} */
    static long size(String name, InputStream stdin) {
        if (name.equals("-")) {
            return stdin instanceof FileInputStream f ? stdinSize(f) : -1;
        }
        try {
            Path p = Path.of(name);
            return Files.isRegularFile(p) ? Files.size(p) : -1;
        } catch (IOException | RuntimeException e) {
            // also InvalidPathException: open() reports that name
            return -1;
        }
    }

    private static long stdinSize(FileInputStream stdin) {
        try {
            if (stdin.getFD() != FileDescriptor.in || !Files.isRegularFile(Path.of("/dev/stdin"))) {
                return -1;
            }
            FileChannel channel = stdin.getChannel();
            return Math.max(0, channel.size() - channel.position());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {@return whether a read would not wait for the producer} A stream that cannot say counts as having bytes. */
    static boolean bytesWaiting(InputStream in) {
        try {
            return in.available() > 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** Closes a source opened here; a failure to close loses nothing that was read. */
    static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // nothing to do: everything it held has been read
        }
    }

    /**
     * Why a file could not be opened, in strompy's own words: the exception's message is the C
     * library's, translated into the user's language, so it is not what is printed.
     */
    private static String reason(Path path) {
        if (!Files.exists(path)) {
            return "No such file or directory";
        }
        if (!Files.isReadable(path)) {
            return "Permission denied";
        }
        return "cannot open";
    }
}
