package dev.strompy.write;

import dev.strompy.error.StrompyError;
import dev.strompy.eval.Matrix;
import java.nio.ByteBuffer;

/** Prints outcomes as they come. Writers never evaluate and never decide exit codes. */
public interface ResultWriter {
    /** Before the first outcome. */
    default void begin() {
    }

    /**
     * Instead of {@link #begin}: the output goes on from what another writer wrote before (a later
     * part of one job's output), so the first outcome here is not the output's first.
     */
    default void resume() {
    }

    /** A finished item. */
    void result(String source, long item, Matrix result);

    /**
     * A finished item whose rows' text was made already, by {@link #jsonRows} (on another
     * thread, say): for the JSON formats only.
     *
     * @throws UnsupportedOperationException for a table
     */
    default void rendered(String source, long item, ByteBuffer rows) {
        throw new UnsupportedOperationException("a table is not written from text made ahead");
    }

    /** {@return the JSON text of a result's rows, {@code [[1.0,2.0],[3.0,4.0]]}, as bytes}: safe on any thread */
    static byte[] jsonRows(int rows, int cols, double[] values) {
        return JsonText.matrix(rows, cols, values);
    }

    /** A failed item, in keep-going mode: a record in the item's place. */
    void error(StrompyError error);

    /** After the last outcome, also when a run stops on an error: closes what was opened. */
    default void end() {
    }

    /** {@return the writer for a format}: {@code withSource} tags results; {@code table} is for tables only */
    static ResultWriter create(Format format, Output out, boolean withSource, TableStyle table) {
        return switch (format) {
            case JSON, JSONL -> new JsonWriter(out, withSource, format == Format.JSON);
            case TABLE -> new TableWriter(out, table);
        };
    }
}
