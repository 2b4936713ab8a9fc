package dev.strompy.tck;

import dev.strompy.Outcome;
import dev.strompy.Strompy;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;

/** The Reactive Streams TCK on Strompy.processor() as a publisher of outcomes. */
public class ProcessorPublisherTckTest extends FlowPublisherVerification<Outcome> {
    public ProcessorPublisherTckTest() {
        super(new TestEnvironment(500));
    }

    @Override
    public Flow.Publisher<Outcome> createFlowPublisher(long elements) {
        Flow.Processor<List<ByteBuffer>, Outcome> p = Strompy.processor();
        new Chunks(elements, false).subscribe(p);
        return p;
    }

    @Override
    public Flow.Publisher<Outcome> createFailedFlowPublisher() {
        Flow.Processor<List<ByteBuffer>, Outcome> p = Strompy.processor();
        new Chunks(0, true).subscribe(p);
        return p;
    }

    @Override
    public long maxElementsFromPublisher() {
        return 4096;
    }
}
