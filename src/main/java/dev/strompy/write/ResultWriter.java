package dev.strompy.write;

import dev.strompy.error.StrompyError;
import dev.strompy.eval.Matrix;

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
