package io.apollo.cli.repo;

import io.apollo.cli.CliException;
import io.apollo.cli.output.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Clones of remote config repositories kept in the cache, one folder per URL. The cache is apollo's own: a clone
 * is reset to its remote's default branch before every use, so a change is always made on the remote's head.
 */
final class RemoteClones {
  private static final Pattern URL = Pattern.compile("^([a-z][a-z0-9+.-]*://|[\\w.-]+@[\\w.-]+:).+");

  private final Path cacheDir;

  RemoteClones(Path cacheDir) {
    this.cacheDir = cacheDir;
  }

  static boolean isUrl(String text) {
    return URL.matcher(text).matches();
  }

  /** The clone of {@code url}, made now or fetched and reset to the remote's default branch. */
  Path upToDate(String url, PrintWriter progress) {
    Path dir = cacheDir.resolve(url.replaceAll("[^A-Za-z0-9._-]+", "_"));
    try {
      Files.createDirectories(cacheDir);
    } catch (IOException e) {
      throw new CliException("cannot create the cache folder " + cacheDir + ": " + e.getMessage(), e);
    }
    if (!Files.isDirectory(dir.resolve(".git"))) {
      Progress.say(progress, "Cloning " + url + " into " + dir + " ...");
      new Git(cacheDir).run("clone", "--quiet", url, dir.toString());
      return dir;
    }
    Progress.say(progress, "Fetching " + url + " ...");
    Git git = new Git(dir);
    git.run("fetch", "--quiet", "--prune", "origin");
    git.tryRun("remote", "set-head", "origin", "--auto");
    String head = git.run("symbolic-ref", "--short", "refs/remotes/origin/HEAD");
    String branch = head.substring(head.indexOf('/') + 1);
    git.run("checkout", "--quiet", "-B", branch, head);
    git.run("reset", "--quiet", "--hard", head);
    git.run("clean", "--quiet", "-fd");
    return dir;
  }
}
