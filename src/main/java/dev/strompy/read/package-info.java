/**
 * Bytes to item parts: a {@link dev.strompy.read.Framer} cuts each item out of the bytes fed as
 * a {@link dev.strompy.read.Frame}, and a {@link dev.strompy.read.FrameReader} reads a frame into
 * its parts ({@code lhs}, each op with its position, the end), with the
 * {@link dev.strompy.read.LineScanner} for items in the usual shape and jackson-core for the
 * rest. Every Jackson failure is translated here ({@code Tokens}) into a typed error with line
 * and column. This package never evaluates, never blocks and never sees EJML or stdout.
 *
 * <p>The framing rules, in terms of bytes only, so that what comes out never depends on how the
 * bytes were cut into chunks:
 * <ul>
 *   <li>A UTF-8 byte order mark is dropped; a NUL in the first four bytes, or an 0xFE or 0xFF
 *       first byte, is UTF-16 or UTF-32, refused. The first byte that is not whitespace decides
 *       the layout: {@code [} opens one array of items, anything else starts a sequence.</li>
 *   <li>An item that starts with {@code {} or {@code [} ends where its brackets balance, outside
 *       strings. In an array, any other item is a string (to its closing quote) or a token (up to
 *       whitespace or a structural byte). In a sequence, a line that starts with anything else is
 *       one bad item that runs to the end of its line.</li>
 *   <li>Inside an item the cut stops at what can never be JSON (a line break in a string, a
 *       closing bracket of the wrong kind, a byte above 127 outside a string, invalid UTF-8,
 *       nesting past the limit, the end of input): the frame's bytes end there, with that syntax
 *       error, unless Jackson finds one before.</li>
 *   <li>A line that starts, while an item is open, with an object whose first key is an item's
 *       ({@code {"lhs"} or {@code {"op"}) starts the next item: the open item was cut short. In a
 *       sequence, so does a line that starts with a byte no line of an item starts with (a
 *       letter). After any other bad item a sequence goes on at the next line, so one bad line of
 *       NDJSON costs one item; an item may still run over several lines, however indented.</li>
 *   <li>In an array, the framer checks the commas and brackets between items itself; a syntax
 *       error there, or in an item, ends the source.</li>
 *   <li>An item longer than the frame limit is not held whole: its bytes are read as they come,
 *       in pieces cut at fixed offsets from its start.</li>
 * </ul>
 * So a line that starts with {@code {"lhs"} or {@code {"op"} always starts an item, whatever came
 * before: a framer can start there and one that ends there knows what that line does, which is
 * how a large input is cut into blocks framed on several threads ({@link dev.strompy.read.Lines}).
 * Lines are counted as Jackson counts them (LF, CRLF and a lone CR one each), columns in bytes.
 */
package dev.strompy.read;
