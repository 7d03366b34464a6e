package io.apollo.spoke.testing;

import io.apollo.core.config.ProductType;
import io.apollo.spoke.SpokeMain;
import io.apollo.spoke.run.Operators;
import java.util.Map;

/** {@link SpokeMain} with the {@link FileOperator} for sls-service, so tests can run and kill real spoke processes. */
public final class TestSpokeMain {
  private TestSpokeMain() {}

  public static void main(String[] args) {
    System.exit(SpokeMain.run(args, o -> Operators.of(
        Map.of(ProductType.SLS_SERVICE, new FileOperator(o.workDir().resolve("fake"))))));
  }
}
