package dev.strompy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Flow.Processor} from chunks of bytes to outcomes, over one {@link StrompyDecoder}: it
 * requests one list of buffers at a time, only while its subscriber wants outcomes the bytes fed
 * cannot give. Signals are handled by one drain loop at a time, on whichever thread signalled.
 */
final class DecodingProcessor implements Flow.Processor<List<ByteBuffer>, Outcome> {
    private final StrompyDecoder decoder;
    private final ConcurrentLinkedQueue<List<ByteBuffer>> chunks = new ConcurrentLinkedQueue<>();
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger work = new AtomicInteger();
    private volatile Flow.Subscription upstream;
    private volatile Flow.Subscriber<? super Outcome> downstream;
    private boolean subscribed;
    private volatile boolean upstreamDone;
    private volatile Throwable upstreamError;
    private volatile boolean cancelled;
    /** A request for zero or fewer outcomes (rule 3.9): ends the stream with this error. */
    private volatile Throwable invalid;
    // Touched only inside the drain loop.
    private boolean requested;
    private boolean ended;
    private boolean terminated;

    DecodingProcessor(StrompyDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super Outcome> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        synchronized (this) {
            if (subscribed) {
                subscriber.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {
                    }

                    @Override
                    public void cancel() {
                    }
                });
                subscriber.onError(new IllegalStateException("this processor has a subscriber already"));
                return;
            }
            subscribed = true;
            downstream = subscriber;
        }
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                if (n <= 0) {
                    invalid = new IllegalArgumentException("request must be positive, got " + n);
                } else {
                    demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n);
                }
                drain();
            }

            @Override
            public void cancel() {
                cancelled = true;
                drain();
            }
        });
        drain();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        Objects.requireNonNull(subscription, "subscription");
        if (upstream != null) {
            subscription.cancel();
            return;
        }
        upstream = subscription;
        drain();
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        chunks.add(Objects.requireNonNull(item, "item"));
        drain();
    }

    @Override
    public void onError(Throwable throwable) {
        upstreamError = Objects.requireNonNull(throwable, "throwable");
        upstreamDone = true;
        drain();
    }

    @Override
    public void onComplete() {
        upstreamDone = true;
        drain();
    }

    private void drain() {
        if (work.getAndIncrement() != 0) {
            return;
        }
        do {
            step();
        } while (work.decrementAndGet() != 0);
    }

    /** Moves as far as the signals so far allow. */
    private void step() {
        Flow.Subscriber<? super Outcome> out = downstream;
        if (terminated || out == null) {
            return;
        }
        if (cancelled) {
            finish();
            Flow.Subscription up = upstream;
            if (up != null) {
                up.cancel();
            }
            return;
        }
        for (List<ByteBuffer> list; (list = chunks.poll()) != null;) {
            requested = false;
            for (ByteBuffer b : list) {
                decoder.feed(b);
            }
        }
        while (!cancelled) {
            if (invalid != null || upstreamError != null) {
                finish();
                Flow.Subscription up = upstream;
                if (invalid != null && up != null) {
                    up.cancel();
                }
                out.onError(invalid != null ? invalid : upstreamError);
                return;
            }
            if (demand.get() > 0) {
                Outcome o = decoder.next();
                if (o != null) {
                    demand.decrementAndGet();
                    out.onNext(o);
                    continue;
                }
            }
            if (decoder.isFinished()) {
                finish();
                out.onComplete();
                return;
            }
            if (demand.get() == 0 || !decoder.needsInput()) {
                return;
            }
            if (upstreamDone && chunks.isEmpty() && !ended) {
                ended = true;
                decoder.endOfInput();
                continue;
            }
            Flow.Subscription up = upstream;
            if (!requested && !upstreamDone && up != null) {
                requested = true;
                up.request(1);
            }
            return;
        }
    }

    /** Ends for good: no more signals, and the subscriber is forgotten (rule 3.13). */
    private void finish() {
        terminated = true;
        downstream = null;
        decoder.close();
        chunks.clear();
    }
}
