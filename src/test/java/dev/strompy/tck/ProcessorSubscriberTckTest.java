package dev.strompy.tck;

import dev.strompy.Outcome;
import dev.strompy.Strompy;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowSubscriberBlackboxVerification;

/**
 * The Reactive Streams TCK on Strompy.processor() as a subscriber of byte chunks, with a
 * downstream that wants every outcome (without demand it rightly asks for nothing).
 */
public class ProcessorSubscriberTckTest extends FlowSubscriberBlackboxVerification<List<ByteBuffer>> {
    public ProcessorSubscriberTckTest() {
        super(new TestEnvironment(500));
    }

    @Override
    public Flow.Subscriber<List<ByteBuffer>> createFlowSubscriber() {
        Flow.Processor<List<ByteBuffer>, Outcome> p = Strompy.processor();
        p.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Outcome item) {
            }

            @Override
            public void onError(Throwable throwable) {
            }

            @Override
            public void onComplete() {
            }
        });
        return p;
    }

    @Override
    public List<ByteBuffer> createElement(int element) {
        return Chunks.half(element / 2, element % 2 == 0);
    }
}
