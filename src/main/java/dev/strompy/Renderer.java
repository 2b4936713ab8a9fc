package dev.strompy;

/**
 * Turns an item's result into bytes (its text in some format) on the thread that evaluated it:
 * with more than one job ({@link StrompyDecoder.Builder#jobs}), on the decoder's own threads, so
 * that work such as formatting numbers is spread over them and the caller's thread only passes
 * the bytes on ({@link Outcome#rendered()}). It must be safe to call from several threads at once;
 * what it throws, {@link StrompyDecoder#next()} or {@link StrompyDecoder#take()} throws.
 */
@FunctionalInterface
public interface Renderer {
    /**
     * @param rows the result's rows (at least 1)
     * @param cols its columns (at least 1)
     * @param values its {@code rows × cols} entries, row by row, all finite: read them during the
     *     call only, never change them
     * @return the bytes, no longer the renderer's to change
     */
    byte[] render(int rows, int cols, double[] values);
}
