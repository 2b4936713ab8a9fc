package dev.strompy.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strompy.error.ErrorType;
import dev.strompy.error.StrompyError;
import dev.strompy.eval.Matrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AsyncWriterTest {
    private static Matrix matrix(Random rnd, int rows, int cols) {
        double[] d = new double[rows * cols];
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextInt(100);
        }
        return new Matrix(rows, cols, d);
    }

    @Test
    void outputIsWhatTheSynchronousWriterWritesWhateverTheSizes() {
        Random rnd = new Random(3);
        List<Matrix> results = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // Mostly small results, written inline, with large ones (handed to the worker) between.
            results.add(i % 7 == 0 ? matrix(rnd, 70, 70) : matrix(rnd, 1 + rnd.nextInt(3), 1 + rnd.nextInt(3)));
        }
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        Output directOut = new Output(direct, 1024, false);
        ResultWriter sync = ResultWriter.create(Format.JSON, directOut, true, null);
        sync.begin();
        ByteArrayOutputStream queued = new ByteArrayOutputStream();
        Output queuedOut = new Output(queued, 1024, false);
        try (AsyncWriter async = new AsyncWriter(ResultWriter.create(Format.JSON, queuedOut, true, null), queuedOut)) {
            async.begin();
            for (int i = 0; i < results.size(); i++) {
                sync.result("s", i, results.get(i));
                async.result("s", i, results.get(i));
                if (i == 150) {
                    async.error(new StrompyError(ErrorType.SHAPE, "in the middle").atItem(150));
                    sync.error(new StrompyError(ErrorType.SHAPE, "in the middle").atItem(150));
                }
            }
            sync.end();
            directOut.flush();
            async.end();
        }
        assertEquals(direct.toString(StandardCharsets.UTF_8), queued.toString(StandardCharsets.UTF_8));
    }

    @Test
    void syncReturnsOnlyWhenEverythingIsWrittenAndFlushed() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        Output out = new Output(sink, 1 << 16, false);
        try (AsyncWriter async = new AsyncWriter(ResultWriter.create(Format.JSONL, out, false, null), out)) {
            async.result("-", 0, new Matrix(100, 100, new double[10_000]));
            async.sync();
            assertEquals(1 + 100 * (2 + 100 * 4 - 1) + 99 + 1 + 1, sink.size(), "the whole line is out");
        }
    }

    @Test
    void aWriteFailureOnTheWorkerReachesTheCaller() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        Output out = new Output(broken, 256, true);
        try (AsyncWriter async = new AsyncWriter(ResultWriter.create(Format.JSONL, out, false, null), out)) {
            async.result("-", 0, new Matrix(100, 100, new double[10_000]));
            StrompyError e = assertThrows(StrompyError.class, async::sync);
            assertEquals(ErrorType.BROKEN_PIPE, e.type());
            assertSame(e, assertThrows(StrompyError.class, () -> async.result("-", 1, Matrix.scalar(1))));
            async.syncIfPossible();
        }
    }

    @Test
    void theQueueIsBoundedSoASlowReaderHoldsTheProducerBack() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        OutputStream slow = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Output out = new Output(slow, 1 << 16, false);
        AtomicInteger handedOver = new AtomicInteger();
        Matrix big = new Matrix(1000, 1000, new double[1_000_000]);
        try (AsyncWriter async = new AsyncWriter(ResultWriter.create(Format.JSONL, out, false, null), out)) {
            Thread producer = new Thread(() -> {
                for (int i = 0; i < 6; i++) {
                    async.result("-", i, big);
                    handedOver.incrementAndGet();
                }
            });
            producer.start();
            // Wait for the producer to be held back by the full queue.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (producer.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(Thread.State.WAITING, producer.getState());
            // One result is being written (and stuck), at most two more (2M entries) may wait.
            assertTrue(handedOver.get() <= 3, "handed over " + handedOver.get());
            release.countDown();
            producer.join(TimeUnit.SECONDS.toMillis(30));
            assertEquals(6, handedOver.get());
            async.end();
        }
    }
}
