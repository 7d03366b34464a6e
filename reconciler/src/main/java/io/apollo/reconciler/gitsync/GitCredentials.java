package io.apollo.reconciler.gitsync;

import io.apollo.reconciler.ReconcilerException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.eclipse.jgit.transport.URIish;

/**
 * The HTTP credentials of {@code --git-credentials FILE}, in the format of git's own credential store
 * ({@code git credential-store}, {@code ~/.git-credentials}): one {@code https://USER:TOKEN@HOST[:PORT][/PATH]} per
 * line, user and token percent-encoded. Blank lines and lines starting with {@code #} are skipped. A remote takes the
 * first line with its scheme, host and port (and, when the line has a path, a path at or under it; and, when the
 * remote's URL names a user, that user). The token is never shown: errors name the file and line only.
 */
public final class GitCredentials {
  private final Path file;
  private final List<Entry> entries;

  /** One line: what it is for, and the user and token. */
  record Entry(int line, String scheme, String host, int port, String path, String user, String password) {
    Entry {
      Objects.requireNonNull(scheme, "scheme");
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return scheme + "://" + user + "@" + host + (port < 0 ? "" : ":" + port) + path + " (line " + line + ")";
    }
  }

  private GitCredentials(Path file, List<Entry> entries) {
    this.file = file;
    this.entries = List.copyOf(entries);
  }

  /**
   * Reads the file.
   *
   * @throws ReconcilerException naming {@code file:line} and the form expected (never the line's text, which holds
   *     a token)
   */
  public static GitCredentials read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ReconcilerException("cannot read --git-credentials " + file + ": " + e.getMessage()
          + "; check the path and that the hub may read it");
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i).strip();
      if (!text.isEmpty() && !text.startsWith("#")) {
        entries.add(parse(file, i + 1, text));
      }
    }
    if (entries.isEmpty()) {
      throw new ReconcilerException("--git-credentials " + file + " holds no credentials: write one line "
          + "https://USER:TOKEN@HOST, as git credential-store does");
    }
    return new GitCredentials(file, entries);
  }

  /**
   * The user and token for {@code remote}.
   *
   * @throws ReconcilerException when no line is for it, naming the lines there are (without their tokens)
   */
  Entry forRemote(URIish remote) {
    String scheme = remote.getScheme().toLowerCase(Locale.ROOT);
    String host = remote.getHost() == null ? "" : remote.getHost();
    int port = port(scheme, remote.getPort());
    String path = remote.getPath() == null ? "" : remote.getPath();
    for (Entry entry : entries) {
      if (entry.scheme().equals(scheme) && entry.host().equalsIgnoreCase(host) && port(scheme, entry.port()) == port
          && under(path, entry.path()) && (remote.getUser() == null || remote.getUser().equals(entry.user()))) {
        return entry;
      }
    }
    throw new ReconcilerException("--git-credentials " + file + " has no line for " + RemoteUrl.shown(remote
        .toString()) + " (it has " + entries + "); add a line " + scheme + "://USER:TOKEN@" + host
        + (remote.getPort() < 0 ? "" : ":" + remote.getPort()));
  }

  private static Entry parse(Path file, int line, String text) {
    String where = file + ":" + line;
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw notACredential(where, "not a URL (percent-encode @, : and / in the user and token)");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw notACredential(where, "credentials are for http(s):// remotes only (ssh:// uses keys: see --ssh-dir)");
    }
    String userInfo = uri.getRawUserInfo();
    if (uri.getHost() == null || userInfo == null || userInfo.indexOf(':') <= 0) {
      throw notACredential(where, "it names no USER:TOKEN@HOST");
    }
    int colon = userInfo.indexOf(':');
    String user;
    String password;
    try {
      user = decode(userInfo.substring(0, colon));
      password = decode(userInfo.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      throw notACredential(where, "a % in the user or token does not start a %XX escape");
    }
    if (password.isEmpty()) {
      throw notACredential(where, "the token after USER: is empty");
    }
    String path = uri.getRawPath() == null || uri.getRawPath().equals("/") ? "" : uri.getRawPath();
    return new Entry(line, scheme, uri.getHost(), uri.getPort(), path, user, password);
  }

  private static ReconcilerException notACredential(String where, String why) {
    return new ReconcilerException("--git-credentials " + where + ": " + why + "; write one "
        + "https://USER:TOKEN@HOST[:PORT][/PATH] per line, as git credential-store does");
  }

  /** Percent-decoding as in a URL's user info, where a {@code +} is itself (not a space, as in a form). */
  private static String decode(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static int port(String scheme, int port) {
    if (port >= 0) {
      return port;
    }
    return scheme.equals("https") ? 443 : 80;
  }

  /** True when {@code path} is {@code prefix} or under it; an empty prefix is every path. */
  private static boolean under(String path, String prefix) {
    if (prefix.isEmpty()) {
      return true;
    }
    String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    return path.equals(p) || path.startsWith(p + "/") || path.equals(p + ".git") || (path + ".git").equals(p);
  }

  @Override
  public String toString() {
    return "GitCredentials[" + file + ", " + entries.size() + " line(s), tokens hidden]";
  }
}
