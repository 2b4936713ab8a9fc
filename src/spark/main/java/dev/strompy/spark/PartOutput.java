package dev.strompy.spark;

import dev.strompy.Outcome;
import dev.strompy.StrompyDecoder;
import dev.strompy.cli.OnError;
import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import dev.strompy.eval.Matrix;
import dev.strompy.write.Output;
import dev.strompy.write.ResultWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.NullWritable;
import scala.Tuple2;

/**
 * The job's second stage, on an executor: one part's bytes fed to a {@link StrompyDecoder} that
 * numbers items and lines as the whole file does, each outcome written as the command line
 * writes it, handed on lazily in chunks of about 256 KB for the part file. When it is done, its
 * {@link Stats} go to {@code done}.
 */
final class PartOutput implements Iterator<Tuple2<NullWritable, BytesWritable>> {
    private static final int CHUNK = 1 << 18;

    private final Part part;
    private final Settings settings;
    private final Consumer<Stats> done;
    private final InputStream in;
    private final StrompyDecoder decoder;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream(2 * CHUNK);
    private final Output out = new Output(written, 1 << 16, false);
    private final ResultWriter writer;
    private final byte[] chunk = new byte[Counting.CHUNK];
    private long left;
    private boolean finished;
    // What the stats say at the end.
    private long items;
    private final long[] failed = new long[ErrorType.values().length];
    private long firstFailed = -1;
    private ErrorType firstType;
    private String firstError;
    private ErrorType fatalType;
    private String firstFatal;

    PartOutput(Part part, Settings settings, Configuration conf, Consumer<Stats> done) {
        this.part = part;
        this.settings = settings;
        this.done = done;
        Split s = part.split();
        StrompyDecoder.Builder b = StrompyDecoder.builder().source(s.source()).limits(settings.limits())
                .firstItem(part.firstItem());
        if (part.from() > 0) {
            b.firstLine(part.firstLine());
        }
        this.decoder = b.build();
        this.writer = settings.writer(out);
        if (part.opens()) {
            writer.begin();
        } else if (part.resumes()) {
            writer.resume();
        }
        this.left = s.whole() ? Long.MAX_VALUE : part.to() - part.from();
        try {
            this.in = s.open(conf, part.from());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + s.path(), e);
        }
    }

    @Override
    public boolean hasNext() {
        while (written.size() < CHUNK && !finished) {
            step();
        }
        return written.size() > 0;
    }

    @Override
    public Tuple2<NullWritable, BytesWritable> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        BytesWritable bytes = new BytesWritable(written.toByteArray());
        written.reset();
        return new Tuple2<>(NullWritable.get(), bytes);
    }

    /** Takes every outcome the decoder has, then feeds it the next chunk (or the end), or finishes. */
    private void step() {
        for (Outcome o = decoder.next(); o != null; o = decoder.next()) {
            if (!take(o)) {
                finish(true);
                return;
            }
        }
        if (decoder.isFinished()) {
            finish(false);
            return;
        }
        int n;
        try {
            n = left == 0 ? -1 : Counting.read(in, chunk, left, part.split());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + part.split().path(), e);
        }
        if (n < 0) {
            left = 0;
            if (part.endsBeforeItem()) {
                decoder.endOfPart();
            } else {
                decoder.endOfInput();
            }
            return;
        }
        left -= n;
        decoder.feed(chunk, 0, n);
    }

    /** @return whether the part goes on */
    private boolean take(Outcome o) {
        items++;
        if (!o.failed()) {
            writer.result(o.source(), o.item(), new Matrix(o.rows(), o.columns(), o.values()));
            return true;
        }
        StrompyError e = o.error();
        failed[e.type().ordinal()]++;
        if (firstFailed < 0) {
            firstFailed = o.item();
            firstType = e.type();
            firstError = "strompy: " + e.describe();
        }
        if (fatalType == null && !(settings.onError() == OnError.RECORD && e.type().itemOnly())) {
            fatalType = e.type();
            firstFatal = "strompy: " + e.describe();
        }
        if (settings.onError() == OnError.STOP) {
            return false;
        }
        writer.error(e);
        return true;
    }

    /** The part is done: {@code stopped} at a failed item, or at its end. */
    private void finish(boolean stopped) {
        finished = true;
        if (part.closes() || stopped) {
            // Only the output's last part closes it, or with --on-error=stop the one that holds
            // the first failure: the parts after that are dropped.
            writer.end();
        }
        out.flush();
        decoder.close();
        try {
            in.close();
        } catch (IOException e) {
            // Everything needed was read.
        }
        done.accept(new Stats(part.split().index(), items, failed, firstFailed, firstType, firstError, fatalType,
                firstFatal));
    }
}
