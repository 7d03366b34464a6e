package io.apollo.reconciler.hub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.apollo.reconciler.notify.Signature;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * A real HTTP receiver of notifications on loopback (the JDK's server): records every request (delivery id, event,
 * signature, body, the status it answered). In {@link Mode#FAIL_FIRST} it answers 500 to the first try of each
 * delivery id and 200 after; in {@link Mode#HOLD} it answers nothing until {@link #release()}.
 */
final class NotificationReceiver implements AutoCloseable {
  enum Mode {
    /** Answers 200 at once. */
    OK,
    /** 500 to a delivery id's first try, 200 to its next. */
    FAIL_FIRST,
    /** Holds the request open without an answer (a hub killed meanwhile never hears back). */
    HOLD
  }

  record Received(String delivery, String event, String signature, String body, int answered) {
    JsonNode json() {
      return HubClient.JSON.readTree(body);
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> tries = new ConcurrentHashMap<>();
  private volatile Mode mode = Mode.OK;
  private volatile CountDownLatch held = new CountDownLatch(1);

  NotificationReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  void mode(Mode next) {
    if (next == Mode.HOLD) {
      held = new CountDownLatch(1);
    }
    mode = next;
  }

  /** Lets held requests go (answered 200, to a hub that may be gone) and answers 200 from now on. */
  void release() {
    mode = Mode.OK;
    held.countDown();
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String delivery = String.valueOf(exchange.getRequestHeaders().getFirst(Signature.DELIVERY_HEADER));
    Mode now = mode;
    int status = 200;
    if (now == Mode.FAIL_FIRST && tries.merge(delivery, 1, Integer::sum) == 1) {
      status = 500;
    }
    if (now == Mode.HOLD) {
      received.add(new Received(delivery, exchange.getRequestHeaders().getFirst(Signature.EVENT_HEADER),
          exchange.getRequestHeaders().getFirst(Signature.HEADER), new String(body, StandardCharsets.UTF_8), 0));
      try {
        held.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    received.add(new Received(delivery, exchange.getRequestHeaders().getFirst(Signature.EVENT_HEADER),
        exchange.getRequestHeaders().getFirst(Signature.HEADER), new String(body, StandardCharsets.UTF_8), status));
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @Override
  public void close() {
    held.countDown();
    server.stop(0);
  }
}
