package io.apollo.reconciler.api;

import io.apollo.reconciler.ReconcilerException;

/** A request the API refuses: the status, a stable machine {@code error} code and words for people. */
final class HttpFailure extends ReconcilerException {
  private final int status;
  private final String error;

  HttpFailure(int status, String error, String message) {
    super(message);
    this.status = status;
    this.error = error;
  }

  static HttpFailure badRequest(String message) {
    return new HttpFailure(400, "bad_request", message);
  }

  static HttpFailure notFound(String message) {
    return new HttpFailure(404, "not_found", message);
  }

  int status() {
    return status;
  }

  String error() {
    return error;
  }
}
