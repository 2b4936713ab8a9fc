/**
 * Writers: JSON lines, one JSON array, aligned tables, and the checked, buffered stdout they
 * write through.
 *
 * <p>Writers turn outcomes into bytes and never evaluate. {@link dev.strompy.write.Output} is
 * the only way to stdout: unlike {@code System.out} it reports every write failure, as a
 * broken-pipe or I/O error. {@link dev.strompy.write.Numbers} is the one formatter of numbers
 * for JSON; tables round to significant digits on top of it.
 */
package dev.strompy.write;
