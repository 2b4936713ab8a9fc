/**
 * The command line: picocli flags, the resolved {@link dev.strompy.cli.Options}, and the
 * {@link dev.strompy.cli.Pipeline} loop that reads sources, evaluates items and writes
 * outcomes.
 *
 * <p>The only package that imports picocli. Flags are parsed once into an options record;
 * nothing past {@link dev.strompy.cli.Invocation} sees picocli. Errors are printed to stderr by
 * {@link dev.strompy.cli.Diagnostics}, the one place that formats them for people; the exit
 * code is decided by {@link dev.strompy.cli.Main}, the entry point. None of this package is in
 * the library artifact: it is only in the command line's jar.
 */
package dev.strompy.cli;
