package io.apollo.reconciler.hub;

import io.apollo.reconciler.api.HubApi;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;

/** Serves the hub's API: one HTTP server on {@code bind:port} (0 = a free port) routing to {@link HubApi}. */
final class ApiVerticle extends VerticleBase {
  private final HubApi api;
  private final String bind;
  private final int port;
  private volatile HttpServer server;

  ApiVerticle(HubApi api, String bind, int port) {
    this.api = api;
    this.bind = bind;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer().requestHandler(api.router()).listen(port, bind)
        .onSuccess(listening -> server = listening);
  }

  /** The port it listens on; known once started. */
  int port() {
    return server.actualPort();
  }
}
