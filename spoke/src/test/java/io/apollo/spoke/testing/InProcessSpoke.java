package io.apollo.spoke.testing;

import io.apollo.core.config.ProductType;
import io.apollo.spoke.SpokeAgent;
import io.apollo.spoke.options.Mode;
import io.apollo.spoke.options.SpokeOptions;
import io.apollo.spoke.run.Operators;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** A spoke agent in the test's JVM, with a {@link FileOperator} for sls-service and short intervals, and its hub. */
public final class InProcessSpoke implements AutoCloseable {
  public static final String NAME = "spoke-a";
  public static final String TOKEN = "s3cret-token-for-tests";

  public final TestHub hub;
  public final FileOperator operator;
  public final SpokeAgent agent;

  private InProcessSpoke(TestHub hub, FileOperator operator, SpokeAgent agent) {
    this.hub = hub;
    this.operator = operator;
    this.agent = agent;
  }

  public static InProcessSpoke start(Path dir, Mode mode) throws Exception {
    TestHub hub = new TestHub(TOKEN).start();
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, TOKEN + "\n");
    SpokeOptions options = SpokeOptions.of(NAME, URI.create(hub.url()), tokenFile, dir.resolve("work"))
        .withMode(mode)
        .withIntervals(Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofSeconds(1));
    FileOperator operator = new FileOperator(dir.resolve("work").resolve("fake"));
    SpokeAgent agent = SpokeAgent.start(options, Operators.of(Map.of(ProductType.SLS_SERVICE, operator)),
        Clock.systemUTC());
    return new InProcessSpoke(hub, operator, agent);
  }

  public String plansUrl() {
    return agent.url() + "/v1/plans";
  }

  @Override
  public void close() throws Exception {
    try {
      agent.close();
    } finally {
      hub.close();
    }
  }

}
