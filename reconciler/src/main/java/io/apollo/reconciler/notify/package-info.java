/**
 * Notifications (issue 17): which plan and entity transitions each {@code Notification} document wants
 * ({@link io.apollo.reconciler.notify.NotificationEvents}, pure), the bodies sent (generic JSON or Slack), the
 * secrets they are signed with ({@link io.apollo.reconciler.notify.NotificationSecrets}), and the
 * {@link io.apollo.reconciler.notify.NotificationSender} that delivers the store's outbox at least once, on the
 * leader only.
 */
package io.apollo.reconciler.notify;
