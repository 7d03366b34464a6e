package io.apollo.reconciler.hub;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small spoke for push mode: {@code POST /v1/plans} records each plan pushed (its JSON and the bearer token it
 * came with) and answers 202, or 200 for a plan id it already has, as DESIGN.md section 5 says a spoke does. It
 * runs nothing: the test reports for it.
 */
public final class TestSpoke implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final List<String> tokens = new CopyOnWriteArrayList<>();

  public TestSpoke() throws Exception {
    server = vertx.createHttpServer().requestHandler(request -> {
      if (!request.path().equals("/v1/plans")) {
        request.response().setStatusCode(404).end();
        return;
      }
      request.body().onSuccess(body -> {
        JsonNode plan = JSON.readTree(body.getBytes());
        boolean known = received.stream().anyMatch(p -> p.path("id").equals(plan.path("id")));
        received.add(plan);
        tokens.add(String.valueOf(request.getHeader("Authorization")));
        request.response().setStatusCode(known ? 200 : 202).end("{}");
      });
    }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** Every plan pushed, in arrival order (repeats included). */
  public List<JsonNode> received() {
    return List.copyOf(received);
  }

  public List<String> tokens() {
    return List.copyOf(tokens);
  }

  /** How many times the plan {@code id} was pushed. */
  public long count(String id) {
    return received.stream().filter(p -> p.path("id").asString().equals(id)).count();
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
