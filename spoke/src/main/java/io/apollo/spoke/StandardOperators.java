package io.apollo.spoke;

import io.apollo.core.config.ProductType;
import io.apollo.spoke.operator.Operator;
import io.apollo.spoke.operator.helm.HelmOperator;
import io.apollo.spoke.operator.helm.HelmSettings;
import io.apollo.spoke.operator.sls.SlsLimits;
import io.apollo.spoke.operator.sls.SlsOperator;
import io.apollo.spoke.options.SpokeOptions;
import io.apollo.spoke.run.Operators;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * The operators a spoke started from the command line has, by product type. This is the one place they are
 * registered: {@code sls-service} by {@link SlsOperator} (files under {@code <work-dir>/sls/}) and {@code helm-chart}
 * by {@link HelmOperator} ({@code --helm} or {@code helm} from PATH, with its own HELM_* homes under
 * {@code --work-dir}; docs/spoke-helm.md). A product type with no operator here is refused with 400
 * {@code no_operator}.
 */
public final class StandardOperators {
  private StandardOperators() {}

  public static Operators of(SpokeOptions options) {
    Map<ProductType, Operator> byType = new EnumMap<>(ProductType.class);
    byType.put(ProductType.SLS_SERVICE, new SlsOperator(options.workDir(), SlsLimits.defaults()));
    byType.put(ProductType.HELM_CHART, new HelmOperator(
        HelmSettings.of(options.helm().orElse(Path.of("helm")), options.workDir())));
    return Operators.of(byType);
  }
}
