package io.apollo.reconciler.reportload;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The yardstick of the reports benchmark: the hub's report route with nothing behind it (one verticle, the same
 * body handler and limit, {@code 202 {"accepted":true}}), so that the hub's figure can be read as a fraction of what
 * Vert.x alone does on this machine. Prints {@code trivial route: listening on <url>} once it listens.
 */
public final class TrivialRoute extends VerticleBase {
  static final String LISTENING = "trivial route: listening on ";

  private HttpServer server;

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.post("/v1/spokes/:spoke/reports").handler(BodyHandler.create(false).setBodyLimit(1024 * 1024));
    router.post("/v1/spokes/:spoke/reports").handler(ctx -> ctx.response().setStatusCode(202)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end("{\"accepted\":true}"));
    return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").onSuccess(s -> server = s);
  }

  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    TrivialRoute route = new TrivialRoute();
    vertx.deployVerticle(route).toCompletionStage().toCompletableFuture().get();
    System.out.println(LISTENING + "http://127.0.0.1:" + route.server.actualPort());
    System.out.flush();
  }
}
