package dev.strompy.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * A stretch of one input file as the job plans it: bytes {@code [start, end)} of a file of
 * {@code size} bytes. A split other than a file's first begins at the first line at or after
 * {@code start} that starts an item, and ends where the next split begins; a file that cannot be
 * cut ({@code Strompy.cuttable}: one array of items, or refused at its start as not UTF-8), or no
 * larger than the split size, is one {@code whole} split.
 *
 * @param index the split's place among all the job's splits, in input order: its part file's number
 * @param source the file's name in outcomes and errors, as the user gave it
 * @param path the file's Hadoop path
 */
record Split(int index, String source, String path, long start, long end, long size, boolean whole)
        implements Serializable {
    /**
     * {@return the file's bytes from {@code at}}: a compressed file (one Hadoop has a codec for,
     * by its name: .gz, .bz2, ...) is one whole split, read from its start through the codec
     */
    InputStream open(Configuration conf, long at) throws IOException {
        Path file = new Path(path);
        FSDataInputStream in = file.getFileSystem(conf).open(file);
        CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file);
        if (codec != null) {
            return codec.createInputStream(in);
        }
        in.seek(at);
        return in;
    }

    /** {@return whether the split begins at the file's first byte} */
    boolean first() {
        return start == 0;
    }

    /** {@return whether the split reaches the file's end} */
    boolean last() {
        return end == size;
    }
}
