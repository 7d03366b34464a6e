package io.apollo.cli.output;

import java.io.PrintWriter;

/**
 * Progress lines ("Cloning ...", "Fetching ...") for anything that may take more than a second. Written to stderr
 * and only when a person is watching a terminal: a script reading the output sees only the result.
 */
public final class Progress {
  private Progress() {}

  public static void say(PrintWriter err, String line) {
    if (Style.onTerminal()) {
      err.println(line);
      err.flush();
    }
  }
}
