package io.apollo.spoke.hub;

import io.apollo.spoke.SpokeException;
import io.apollo.spoke.auth.BearerToken;
import io.apollo.spoke.options.SpokeOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The spoke's calls to the hub, with its bearer token: post a report, long-poll for plans. The methods block the
 * calling thread until the answer (they are meant for the reporter's and the poller's virtual threads, never an event
 * loop) and throw {@link SpokeException} when the hub cannot be reached or answers with an error status.
 */
public final class HubClient implements AutoCloseable {
  private final WebClient web;
  private final SpokeOptions options;
  private final BearerToken token;

  public HubClient(Vertx vertx, SpokeOptions options, BearerToken token) {
    this.web = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5_000).setKeepAlive(true)
        .setUserAgent("apollo-spoke/" + options.name()));
    this.options = options;
    this.token = token;
  }

  /** Posts one report (JSON) to {@code {hub}/v1/spokes/{name}/reports}; returns once the hub accepted it. */
  public void postReport(String reportJson) {
    String url = options.hubBase() + "/v1/spokes/" + encode(options.name()) + "/reports";
    HttpResponse<Buffer> answer = await(web.postAbs(url).putHeader("Authorization", token.header())
        .putHeader("Content-Type", "application/json").timeout(10_000)
        .sendBuffer(Buffer.buffer(reportJson)), Duration.ofSeconds(15), url);
    requireSuccess(answer, "POST " + url);
  }

  /** Long-polls {@code {hub}/v1/spokes/{name}/plans?wait=...}; returns the answer's body ({@code {"plans": [...]}}). */
  public byte[] pollPlans(Duration wait) {
    String url = options.hubBase() + "/v1/spokes/" + encode(options.name()) + "/plans?wait=" + wait.toSeconds() + "s";
    long limit = wait.plusSeconds(10).toMillis();
    HttpResponse<Buffer> answer = await(web.getAbs(url).putHeader("Authorization", token.header())
        .putHeader("Accept", "application/json").timeout(limit).send(), Duration.ofMillis(limit + 5_000), url);
    requireSuccess(answer, "GET " + url);
    return answer.body() == null ? new byte[0] : answer.body().getBytes();
  }

  private static <T> T await(Future<T> future, Duration limit, String url) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new SpokeException("cannot reach the hub at " + url + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new SpokeException("the hub at " + url + " did not answer within " + limit.toSeconds() + "s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SpokeException("interrupted while calling the hub at " + url, e);
    }
  }

  private static void requireSuccess(HttpResponse<Buffer> answer, String call) {
    if (answer.statusCode() / 100 != 2) {
      String body = answer.bodyAsString();
      throw new SpokeException(call + " answered " + answer.statusCode()
          + (body == null || body.isBlank() ? "" : ": " + body.strip()));
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    web.close();
  }
}
