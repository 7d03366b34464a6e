package io.apollo.reconciler.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apollo.reconciler.ReconcilerException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit of reports (issue 7): each future completes only once its report is committed, many to a commit. */
class ReportWriterTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @TempDir Path temp;

  @Test
  void reportsHandedInDuringACommitShareTheNextAndEachCompletesOnlyOnceCommitted() throws Exception {
    CountDownLatch firstCommitEntered = new CountDownLatch(1);
    CountDownLatch releaseFirstCommit = new CountDownLatch(1);
    List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
    try (JdbcHubStore real = JdbcHubStore.openSqlite(temp)) {
      HubStore gated = new ForwardingStore(real) {
        @Override
        public void putReports(List<StoredReport> reports) {
          batchSizes.add(reports.size());
          firstCommitEntered.countDown();
          await(releaseFirstCommit);
          real.putReports(reports);
        }
      };
      ReportWriter writer = new ReportWriter(gated);
      CompletableFuture<Void> first = writer.write(report("spoke-0"));
      assertThat(firstCommitEntered.await(10, TimeUnit.SECONDS)).isTrue();
      List<CompletableFuture<Void>> rest = new ArrayList<>();
      for (int i = 1; i <= 20; i++) {
        rest.add(writer.write(report("spoke-" + i)));
      }
      assertThat(first).isNotDone();
      assertThat(rest).noneMatch(CompletableFuture::isDone);
      releaseFirstCommit.countDown();
      CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
      assertThat(first).isDone();
      assertThat(batchSizes).containsExactly(1, 20);
      assertThat(real.reports()).hasSize(21);
    }
  }

  @Test
  void aFailedCommitFailsEveryReportOfItsBatchAndTheNextBatchStillWrites() throws Exception {
    try (JdbcHubStore real = JdbcHubStore.openSqlite(temp)) {
      boolean[] fail = {true};
      HubStore flaky = new ForwardingStore(real) {
        @Override
        public void putReports(List<StoredReport> reports) {
          if (fail[0]) {
            throw new ReconcilerException("disk full");
          }
          real.putReports(reports);
        }
      };
      ReportWriter writer = new ReportWriter(flaky);
      assertThatThrownBy(() -> writer.write(report("spoke-a")).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).hasMessageContaining("disk full");
      fail[0] = false;
      writer.write(report("spoke-b")).get(10, TimeUnit.SECONDS);
      assertThat(real.reports()).containsOnlyKeys("spoke-b");
    }
  }

  private static StoredReport report(String spoke) {
    return new StoredReport(spoke, "{\"spoke\":\"" + spoke + "\"}", T0);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
