package io.apollo.reconciler.web;

import io.apollo.reconciler.ReconcilerException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves the web page: {@code GET /} is {@code index.html}, {@code GET /ui/<file>} its scripts and styles. The files
 * are read from the classpath once, when the routes are registered (never on an event loop), and answered from
 * memory; nothing is fetched from outside at run time. Pages are addressed by the URL's fragment
 * ({@code /#/entity/production/web}), so the server needs no fallback route.
 */
public final class WebPage {
  private static final String ROOT = "apollo/web/";
  /** Every file the page is made of: adding one to {@code src/main/resources/apollo/web} means naming it here. */
  static final List<String> FILES = List.of("index.html", "app.mjs", "lib.mjs", "views.mjs", "style.css");

  private final Map<String, Buffer> files = new LinkedHashMap<>();

  private WebPage() {
    for (String name : FILES) {
      try (InputStream in = WebPage.class.getClassLoader().getResourceAsStream(ROOT + name)) {
        if (in == null) {
          throw new ReconcilerException("the web page's file " + ROOT + name + " is missing from the hub's jar;"
              + " rebuild the reconciler module");
        }
        files.put(name, Buffer.buffer(in.readAllBytes()));
      } catch (IOException e) {
        throw new ReconcilerException("cannot read the web page's file " + ROOT + name + " from the hub's jar", e);
      }
    }
  }

  /** Adds the page's routes to the hub's router. */
  public static void register(Router router) {
    WebPage page = new WebPage();
    router.get("/").handler(ctx -> page.serve(ctx, "index.html"));
    router.get("/ui/:file").handler(ctx -> page.serve(ctx, ctx.pathParam("file")));
  }

  private void serve(RoutingContext ctx, String name) {
    Buffer body = files.get(name);
    if (body == null) {
      ctx.next();
      return;
    }
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, type(name)).putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        .putHeader("X-Content-Type-Options", "nosniff").end(body);
  }

  static String type(String name) {
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (name.endsWith(".mjs") || name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    return name.endsWith(".css") ? "text/css; charset=utf-8" : "application/octet-stream";
  }
}
