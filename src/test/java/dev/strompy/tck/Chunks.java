package dev.strompy.tck;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * An upstream of byte chunks for the TCK: chunk {@code i} holds item {@code i} of an NDJSON
 * stream (cut in two halves, so items span chunks), handed out on request, then completes; or
 * fails at once.
 */
final class Chunks implements Flow.Publisher<List<ByteBuffer>> {
    private final long items;
    private final boolean fail;

    Chunks(long items, boolean fail) {
        this.items = items;
        this.fail = fail;
    }

    static List<ByteBuffer> half(long i, boolean first) {
        String item = "{\"lhs\":[[" + i + "]],\"op\":[{\"code\":\"scale\",\"rhs\":2}]}\n";
        int cut = item.length() / 2;
        String part = first ? item.substring(0, cut) : item.substring(cut);
        return List.of(ByteBuffer.wrap(part.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void subscribe(Flow.Subscriber<? super List<ByteBuffer>> s) {
        if (fail) {
            // Fails before any request, as a refused connection would.
            s.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            s.onError(new IllegalStateException("upstream failed"));
            return;
        }
        s.onSubscribe(new Flow.Subscription() {
            private long next;
            private boolean done;
            private boolean emitting;
            private long demand;

            @Override
            public void request(long n) {
                if (done) {
                    return;
                }
                demand += n;
                if (emitting) {
                    return;
                }
                emitting = true;
                while (demand > 0 && !done) {
                    if (next == 2 * items) {
                        done = true;
                        s.onComplete();
                        break;
                    }
                    demand--;
                    s.onNext(half(next / 2, next % 2 == 0));
                    next++;
                }
                if (!done && next == 2 * items) {
                    done = true;
                    s.onComplete();
                }
                emitting = false;
            }

            @Override
            public void cancel() {
                done = true;
            }
        });
    }
}
