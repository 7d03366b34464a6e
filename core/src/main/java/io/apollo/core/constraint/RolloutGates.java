package io.apollo.core.constraint;

import io.apollo.core.config.Constraint;
import io.apollo.core.config.ConstraintRule.Promotion;
import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.Metadata;
import io.apollo.core.config.Presence;
import io.apollo.core.config.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every constraint a plan is held to: the desired state's own, and one promotion gate per canary entity, named
 * {@code canary:<environment>/<name>}, which holds the entities of the canary's product that its {@code of} selects
 * until a release baked on the canary. Pure.
 */
public final class RolloutGates {
  private RolloutGates() {}

  /** The desired state's constraints followed by its canaries' gates, in entity id order. */
  public static List<Constraint> of(DesiredState desired) {
    List<Constraint> all = null;
    for (Entity e : desired.entities().values()) {
      if (e.canary().isEmpty() || e.state() != Presence.PRESENT) {
        continue;
      }
      if (all == null) {
        all = new ArrayList<>(desired.constraints());
      }
      Selector of = e.canary().get().of();
      Selector selected = new Selector(of.environments(), Set.of(e.product()), of.entities(), of.labels());
      Selector source = new Selector(Set.of(), Set.of(), Set.of(e.id().toString()), Map.of());
      all.add(new Constraint(Metadata.named(name(e)), selected, new Promotion(source, e.canary().get().bake()),
          e.origin()));
    }
    return all == null ? desired.constraints() : List.copyOf(all);
  }

  /** {@code canary:production/hello-canary}: the name of a canary's gate in verdicts. */
  public static String name(Entity canary) {
    return "canary:" + canary.id();
  }
}
