package io.apollo.spoke;

import io.apollo.core.config.ProductType;
import io.apollo.spoke.operator.Operator;
import io.apollo.spoke.operator.sls.SlsLimits;
import io.apollo.spoke.operator.sls.SlsOperator;
import io.apollo.spoke.options.SpokeOptions;
import io.apollo.spoke.run.Operators;
import java.util.EnumMap;
import java.util.Map;

/**
 * The operators a spoke started from the command line has, by product type. This is the one place they are
 * registered: {@code sls-service} by {@link SlsOperator} (files under {@code <work-dir>/sls/}) and {@code helm-chart}
 * by {@code io.apollo.spoke.operator.helm.HelmOperator} (from the helm branch; its isolated HELM_* home under
 * {@code --work-dir}). A product type with
 * no operator here is refused with 400 {@code no_operator}.
 */
public final class StandardOperators {
  private StandardOperators() {}

  public static Operators of(SpokeOptions options) {
    Map<ProductType, Operator> byType = new EnumMap<>(ProductType.class);
    byType.put(ProductType.SLS_SERVICE, new SlsOperator(options.workDir(), SlsLimits.defaults()));
    // helm-chart: register io.apollo.spoke.operator.helm.HelmOperator here, with options.helm() and
    //             options.workDir()/helm as its isolated HELM_* home.
    return Operators.of(byType);
  }
}
