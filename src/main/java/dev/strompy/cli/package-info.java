/**
 * The command line: picocli flags parsed once into {@link dev.strompy.cli.Options} (the only
 * package that imports picocli), the {@link dev.strompy.cli.Pipeline} loop that reads sources,
 * feeds the decoder and writes outcomes, error lines on stderr ({@link dev.strompy.cli.Diagnostics})
 * and exit codes ({@link dev.strompy.cli.ExitCodes}). Only in the command line's jar.
 */
package dev.strompy.cli;
