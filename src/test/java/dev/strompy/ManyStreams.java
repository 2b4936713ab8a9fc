package dev.strompy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Many streams on one thread: {@code N} decoders fed interleaved random chunks, every outcome
 * checked. Halfway through, when every decoder is parked in the middle of an item, it measures
 * the heap they retain. Run in its own small-heap JVM by {@link ManyStreamsTest}; prints
 * {@code parked-bytes-per-decoder N}, {@code seconds S} and {@code ok}.
 */
public final class ManyStreams {
    private ManyStreams() {
    }

    /** Stream {@code i}'s input: three items, one of which fails, numbers that depend on {@code i}. */
    static byte[] input(int i) {
        return ("{\"lhs\":{\"d\":[1,2,3,4,5,6,7,8,9,10,11,12],\"n\":3},\"op\":[{\"code\":\"dot\",\"rhs\":{\"d\":[13,14,15,16,17,18,19,20,21,22,23,"
                + i + "],\"n\":3}}]}\n"
                + "{\"lhs\":[[1,2],[3,4]],\"op\":[{\"code\":\"mul\",\"rhs\":[[1],[2],[3]]}]}\n"
                + "{\"op\":[{\"code\":\"scale\",\"rhs\":" + i + "},{\"code\":\"transpose\"}],\"lhs\":[[1,2,3]]}\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Checks stream {@code i}'s outcomes against what the items must give. */
    static void check(int i, List<Outcome> got) {
        double dot = 0;
        for (int k = 1; k <= 12; k++) {
            dot += k * (k < 12 ? 12 + k : i);
        }
        if (got.size() != 3 || got.get(0).result()[0][0] != dot || !got.get(1).failed()
                || got.get(2).result().length != 3 || got.get(2).result()[2][0] != 3.0 * i) {
            throw new AssertionError("stream " + i + " gave " + got);
        }
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        Random random = new Random(7);
        long start = System.nanoTime();
        byte[][] inputs = new byte[n][];
        int[] fed = new int[n];
        List<List<Outcome>> outcomes = new ArrayList<>();
        StrompyDecoder[] decoders = new StrompyDecoder[n];
        for (int i = 0; i < n; i++) {
            inputs[i] = input(i);
            outcomes.add(new ArrayList<>());
        }
        long before = usedHeap();
        for (int i = 0; i < n; i++) {
            decoders[i] = new StrompyDecoder("stream-" + i);
        }
        boolean measured = false;
        for (int done = 0; done < n;) {
            for (int i = 0; i < n; i++) {
                byte[] in = inputs[i];
                if (fed[i] > in.length) {
                    continue;
                }
                int size = Math.min(in.length - fed[i], random.nextInt(65));
                if (!measured && fed[i] == 0) {
                    // Park every decoder in the middle of its first item before measuring.
                    size = 40;
                }
                decoders[i].feed(in, fed[i], size);
                fed[i] += size;
                if (fed[i] == in.length) {
                    decoders[i].endOfInput();
                    fed[i]++;
                }
                for (Outcome o = decoders[i].next(); o != null; o = decoders[i].next()) {
                    outcomes.get(i).add(o);
                }
                if (decoders[i].isFinished()) {
                    check(i, outcomes.get(i));
                    decoders[i].close();
                    done++;
                }
            }
            if (!measured) {
                measured = true;
                long parked = usedHeap() - before;
                System.out.println("parked-bytes-per-decoder " + parked / n);
            }
        }
        System.out.printf("seconds %.2f%n", (System.nanoTime() - start) / 1e9);
        System.out.println("ok");
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
