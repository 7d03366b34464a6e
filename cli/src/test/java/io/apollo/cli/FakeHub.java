package io.apollo.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the hub's read API on loopback port 0, answering fixed bodies per path (404 for any other path), and
 * recording the requests it got. Only for what a real hub ({@link LiveHub}) cannot easily be made to do: answer 500,
 * answer something that is not JSON, lack a route, or hold a state the sample fleet never reaches.
 */
public final class FakeHub implements AutoCloseable {
  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  /** Answers each path of {@code answers} with 200 and its JSON. */
  public FakeHub(Map<String, String> answers) {
    this(200, answers);
  }

  /** Answers each path of {@code answers} with {@code status} and its body. */
  public FakeHub(int status, Map<String, String> answers) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      requests.add(exchange.getRequestURI().toString());
      String body = answers.get(path);
      int code = body == null ? 404 : status;
      byte[] bytes = (body == null ? "{\"error\":\"not_found\",\"message\":\"no such thing\"}" : body)
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(code, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<String> requests() {
    return requests;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
