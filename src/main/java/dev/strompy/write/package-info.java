/**
 * Writers: JSON lines, one JSON array, aligned tables, and {@link dev.strompy.write.Output}, the
 * checked, buffered stdout they write through, which reports every write failure (a broken pipe,
 * an I/O error). {@link dev.strompy.write.Numbers} is the one formatter of numbers.
 */
package dev.strompy.write;
