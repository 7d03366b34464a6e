package io.apollo.cli.rollout;

import com.sun.net.httpserver.HttpServer;
import io.apollo.reconciler.notify.Signature;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver on loopback for the hub's notifications: keeps every POST it is sent, with the delivery key
 * and whether the signature verified under {@link #SECRET}, and answers 200.
 */
final class HaltReceiver implements AutoCloseable {
  static final String SECRET = "rollout-hook-secret";

  /** One POST as received. */
  record Received(String event, String delivery, boolean signed, String body) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  HaltReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String signature = exchange.getRequestHeaders().getFirst(Signature.HEADER);
      received.add(new Received(exchange.getRequestHeaders().getFirst(Signature.EVENT_HEADER),
          exchange.getRequestHeaders().getFirst(Signature.DELIVERY_HEADER),
          Signature.of(SECRET, body).equals(signature), new String(body, java.nio.charset.StandardCharsets.UTF_8)));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  List<Received> of(String event) {
    return received.stream().filter(r -> event.equals(r.event())).toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
