package io.apollo.bench;

import io.apollo.core.config.DesiredState;
import io.apollo.core.config.Entity;
import io.apollo.core.config.Release;
import io.apollo.core.report.EntityState;
import io.apollo.core.report.EntityReport;
import io.apollo.core.report.Health;
import io.apollo.core.report.ReportedState;
import io.apollo.core.version.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What spokes of a synthetic fleet might report: every entity installed, healthy, at a version from its product's
 * stable releases (cycling through them, so some entities are at their target, some behind, some ahead of a lowered
 * pin, and some on a recalled release), with its config digest. Planning then has real work to do for each entity.
 */
public final class SyntheticReports {
  private SyntheticReports() {}

  public static ReportedState running(DesiredState desired, Instant at) {
    Map<io.apollo.core.config.EntityId, EntityReport> reports = new HashMap<>();
    int i = 0;
    for (Entity entity : desired.entities().values()) {
      List<Release> releases = desired.releasesOf(entity.product()).stream().filter(r -> r.version().isRelease()).toList();
      Version version = releases.get(i++ % releases.size()).version();
      reports.put(entity.id(), new EntityReport(entity.id(), entity.product(), Optional.of(version), EntityState.RUNNING,
          Health.HEALTHY, Optional.of(entity.configDigest()), Optional.empty(), Optional.empty(), Optional.empty(), "",
          at));
    }
    return new ReportedState(reports);
  }
}
