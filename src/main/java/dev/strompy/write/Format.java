package dev.strompy.write;

/** The output formats. */
public enum Format {
    /** One line per item: the result as nested rows. */
    JSONL,
    /** One JSON array of all results, written as it goes. */
    JSON,
    /** For people: a header per item and aligned columns. */
    TABLE
}
