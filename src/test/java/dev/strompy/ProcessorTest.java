package dev.strompy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProcessorTest {
    /** An upstream that hands out one chunk per request, on the requesting thread, and counts requests. */
    private static final class Chunks implements Flow.Publisher<List<ByteBuffer>> {
        private final List<byte[]> chunks;
        final AtomicInteger requests = new AtomicInteger();

        Chunks(List<byte[]> chunks) {
            this.chunks = chunks;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> s) {
            s.onSubscribe(new Flow.Subscription() {
                private int next;

                @Override
                public void request(long n) {
                    requests.incrementAndGet();
                    for (long i = 0; i < n && next < chunks.size(); i++) {
                        s.onNext(List.of(ByteBuffer.wrap(chunks.get(next++))));
                    }
                    if (next == chunks.size()) {
                        s.onComplete();
                    }
                }

                @Override
                public void cancel() {
                }
            });
        }
    }

    /** Takes outcomes, asking for more only when told to. */
    private static class Taker implements Flow.Subscriber<Outcome> {
        final List<Outcome> got = new ArrayList<>();
        Flow.Subscription subscription;
        boolean complete;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(Outcome o) {
            got.add(o);
        }

        @Override
        public void onError(Throwable t) {
            throw new AssertionError(t);
        }

        @Override
        public void onComplete() {
            complete = true;
        }
    }

    @Test
    void itAsksForBytesOnlyWhileItsSubscriberWantsOutcomes() {
        byte[] items = ("{\"lhs\":[[1]],\"op\":[]}\n{\"lhs\":[[2]],\"op\":[]}\n{\"lhs\":[[3]],\"op\":[]}\n"
                + "{\"lhs\":[[4]],\"op\":[{\"code\":\"nope\"}]}\n").getBytes(StandardCharsets.UTF_8);
        Chunks upstream = new Chunks(Chunking.RANDOM_0_3.cut(items));
        Flow.Processor<List<ByteBuffer>, Outcome> p = Strompy.processor();
        Taker taker = new Taker();
        p.subscribe(taker);
        upstream.subscribe(p);
        assertEquals(0, upstream.requests.get(), "no demand, no request");
        taker.subscription.request(1);
        assertEquals(1, taker.got.size());
        assertArrayEquals(new double[][] {{1}}, taker.got.get(0).result());
        int afterOne = upstream.requests.get();
        assertTrue(afterOne < Chunking.RANDOM_0_3.cut(items).size(), "stopped asking once the item came");
        assertEquals(afterOne, upstream.requests.get());
        taker.subscription.request(10);
        assertEquals(4, taker.got.size());
        assertTrue(taker.got.get(3).failed(), "a failed item is an outcome in its place");
        assertTrue(taker.complete);
    }

    @Test
    void aSecondSubscriberIsRefused() {
        Flow.Processor<List<ByteBuffer>, Outcome> p = Strompy.processor();
        p.subscribe(new Taker());
        List<Throwable> errors = new ArrayList<>();
        p.subscribe(new Taker() {
            @Override
            public void onError(Throwable t) {
                errors.add(t);
            }
        });
        assertEquals(1, errors.size());
    }
}
