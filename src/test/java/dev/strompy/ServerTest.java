package dev.strompy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that accepts many JSON streams and answers each with its results as they are done:
 * the JDK's HttpServer with four handler threads, one decoder per upload.
 */
class ServerTest {
    private HttpServer server;
    private ExecutorService pool;
    private URI uri;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        pool = Executors.newFixedThreadPool(4);
        server.setExecutor(pool);
        server.createContext("/eval", ServerTest::evaluate);
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/eval");
    }

    @AfterEach
    void stop() {
        server.stop(0);
        pool.shutdownNow();
    }

    /** Feeds the body to a decoder as it arrives; writes and flushes each outcome as a line. */
    private static void evaluate(HttpExchange exchange) throws IOException {
        // Each upload on a connection of its own: the JDK's server closes idle connections past
        // its limit (200) while the client may be sending its next POST on one, which it then
        // sees end before any response (and does not retry a POST).
        exchange.getResponseHeaders().add("Connection", "close");
        exchange.sendResponseHeaders(200, 0);
        try (InputStream body = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody();
                StrompyDecoder decoder = new StrompyDecoder(exchange.getRequestURI().getQuery())) {
            byte[] chunk = new byte[8192];
            while (!decoder.isFinished()) {
                boolean wrote = false;
                for (Outcome o = decoder.next(); o != null; o = decoder.next()) {
                    String line = o.failed() ? "error " + o.error().type().id() : Arrays.deepToString(o.result());
                    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    wrote = true;
                }
                if (wrote) {
                    out.flush();
                }
                if (decoder.isFinished()) {
                    break;
                }
                int n = body.read(chunk);
                if (n < 0) {
                    decoder.endOfInput();
                } else {
                    decoder.feed(chunk, 0, n);
                }
            }
        }
    }

    private static String upload(int i) {
        return "{\"lhs\":[[1,2],[3,4]],\"op\":[{\"code\":\"scale\",\"rhs\":" + i + "}]}\n"
                + "{\"lhs\":[[1]],\"op\":[{\"code\":\"nope\"}]}\n"
                + "[{\"lhs\":[[" + i + "]],\"op\":[]}]\n";
    }

    @Test
    void aThousandConcurrentChunkedUploads() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        int n = 1000;
        for (int i = 0; i < n; i++) {
            byte[] body = upload(i).getBytes(StandardCharsets.UTF_8);
            List<byte[]> chunks = Chunking.RANDOM_0_128.cut(body, i);
            HttpRequest request = HttpRequest.newBuilder(URI.create(uri + "?upload-" + i))
                    .POST(HttpRequest.BodyPublishers.ofByteArrays(chunks)).build();
            responses.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(responses.toArray(new CompletableFuture[0])).get(120, TimeUnit.SECONDS);
        for (int i = 0; i < n; i++) {
            HttpResponse<String> r = responses.get(i).get();
            assertEquals(200, r.statusCode());
            assertEquals(List.of("[[" + (double) i + ", " + 2.0 * i + "], [" + 3.0 * i + ", " + 4.0 * i + "]]",
                    "error op", "error schema"), r.body().lines().toList(), "upload " + i);
        }
    }

    @Test
    void aSlowUploadSeesItsFirstResultBeforeItsBodyEnds() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getAddress().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /eval?slow HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            chunk(out, "{\"lhs\":[[7]],\"op\":[{\"code\":\"neg\"}]}\n");
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertTrue(in.readLine().startsWith("HTTP/1.1 200"));
            String line;
            while (!(line = in.readLine()).isEmpty()) {
                // response headers
            }
            in.readLine(); // chunk size
            assertEquals("[[-7.0]]", in.readLine(), "the first result, while the upload is still open");
            chunk(out, "{\"lhs\":[[8]],\"op\":[]}\n");
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in.readLine(); // end of the first chunk
            in.readLine(); // chunk size
            assertEquals("[[8.0]]", in.readLine());
        }
    }

    private static void chunk(OutputStream out, String data) throws IOException {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
