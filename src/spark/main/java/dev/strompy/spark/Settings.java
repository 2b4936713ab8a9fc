package dev.strompy.spark;

import dev.strompy.Limits;
import dev.strompy.cli.OnError;
import dev.strompy.write.Format;
import dev.strompy.write.Output;
import dev.strompy.write.ResultWriter;
import dev.strompy.write.TableStyle;
import java.io.Serializable;

/**
 * The job's options that the executors need: the output's format, what a failed item does, and
 * what one item may hold.
 *
 * @param nameSources table headers name the source (several inputs, or {@code -H})
 */
record Settings(Format format, OnError onError, boolean withSource, int digits, boolean nameSources,
        long maxElements) implements Serializable {
    Limits limits() {
        return Limits.DEFAULT.withMaxElements(maxElements);
    }

    ResultWriter writer(Output out) {
        return ResultWriter.create(format, out, withSource, new TableStyle(digits, false, nameSources));
    }
}
