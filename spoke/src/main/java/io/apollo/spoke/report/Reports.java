package io.apollo.spoke.report;

import io.apollo.core.report.SpokeReport;
import io.apollo.spoke.journal.EntityRecord;
import io.apollo.spoke.state.EntityBook;
import java.time.Clock;

/** Builds the report this spoke sends: the full state of its entities now. */
public final class Reports {
  private final String spoke;
  private final EntityBook book;
  private final Clock clock;

  public Reports(String spoke, EntityBook book, Clock clock) {
    this.spoke = spoke;
    this.book = book;
    this.clock = clock;
  }

  public SpokeReport current() {
    return new SpokeReport(spoke, clock.instant(), book.snapshot().stream().map(EntityRecord::toReport).toList());
  }
}
