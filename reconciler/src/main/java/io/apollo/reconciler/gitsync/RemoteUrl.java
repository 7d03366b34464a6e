package io.apollo.reconciler.gitsync;

import io.apollo.reconciler.ReconcilerException;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.transport.URIish;

/**
 * The config repository's remote as the hub reaches it ({@link #uri()}) and as people are shown it
 * ({@link #toString()}): the one place a remote is rendered for a log line, an API answer or an error, so that a
 * password in it ({@code https://user:token@host/...}) is shown nowhere. {@link #redact} cuts it from any other text
 * (an exception's message) too.
 */
public final class RemoteUrl {
  /** {@code scheme://user:password@}: what {@link #shown(String)} cuts from a text it cannot parse. */
  private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(://[^/@:\\s]*):[^/@]*@");
  /** The password of a URL as written, before any parsing: {@code scheme://user:PASSWORD@}. */
  private static final Pattern WRITTEN_PASSWORD = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/@:]*:([^/@]*)@");

  private final URIish uri;
  private final String shown;
  private final Optional<String> password;
  private final List<String> secrets;

  private RemoteUrl(URIish uri, String shown, Optional<String> password, List<String> secrets) {
    this.uri = uri;
    this.shown = shown;
    this.password = password;
    this.secrets = List.copyOf(secrets);
  }

  /**
   * Parses {@code --repo}: a path, or a {@code file://}, {@code http(s)://} or {@code ssh://} URL.
   *
   * @throws ReconcilerException naming the remote (without its password) and what to write instead
   */
  static RemoteUrl parse(String remote) {
    if (remote.contains("://")) {
      try {
        URIish uri = new URIish(remote);
        if (uri.getScheme() == null || uri.getHost() == null && !"file".equals(uri.getScheme())) {
          throw new URISyntaxException(shown(remote), "no scheme://host");
        }
        Optional<String> password = Optional.ofNullable(uri.getPass()).filter(p -> !p.isEmpty());
        List<String> secrets = new ArrayList<>(written(remote));
        password.ifPresent(secrets::add);
        return new RemoteUrl(uri, redact(uri.toString(), secrets), password, secrets);
      } catch (URISyntaxException e) {
        throw new ReconcilerException("the git remote " + shown(remote) + " is not a URL git reads; write it as "
            + "https://host/org/config.git or ssh://git@host/org/config.git");
      }
    }
    int colon = remote.indexOf(':');
    if (colon > 0 && remote.lastIndexOf('/', colon) < 0) {
      // git's scp-like "user@host:path": ambiguous with paths, so it is refused with the URL to write instead.
      String host = remote.substring(0, colon);
      String path = remote.substring(colon + 1);
      throw new ReconcilerException("the git remote '" + remote + "' is in scp form, which the hub does not read: "
          + "write it as ssh://" + host + "/" + (path.startsWith("/") ? path.substring(1) : path));
    }
    try {
      return new RemoteUrl(new URIish(Path.of(remote).toAbsolutePath().normalize().toString()), remote,
          Optional.empty(), List.of());
    } catch (URISyntaxException | java.nio.file.InvalidPathException e) {
      throw new ReconcilerException("the git remote is neither a path nor a file://, http(s):// or ssh:// URL: "
          + e.getMessage());
    }
  }

  /**
   * {@code remote} as people may be shown it, whatever it is: the password of a URL left out. Never throws, so
   * that it can render options before they are checked.
   */
  public static String shown(String remote) {
    if (remote == null) {
      return "";
    }
    if (remote.contains("://")) {
      String text;
      try {
        text = new URIish(remote).toString();
      } catch (URISyntaxException e) {
        text = remote;
      }
      return redact(text, written(remote));
    }
    return remote;
  }

  /** The password as written in {@code remote}, if it has one, and as decoded. */
  private static List<String> written(String remote) {
    Matcher m = WRITTEN_PASSWORD.matcher(remote);
    if (!m.find() || m.group(1).isEmpty()) {
      return List.of();
    }
    try {
      return List.of(m.group(1), URLDecoder.decode(m.group(1).replace("+", "%2B"), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException badEscape) {
      return List.of(m.group(1));
    }
  }

  /** Every form of the password this remote carries, to cut from any text. */
  List<String> secrets() {
    return secrets;
  }

  /** What the transport connects to, password included. */
  URIish uri() {
    return uri;
  }

  /** The password the URL carries, if any. */
  Optional<String> password() {
    return password;
  }

  /** True for {@code ssh://} remotes (and git's {@code git+ssh://} spellings). */
  boolean isSsh() {
    String scheme = uri.getScheme();
    return scheme != null && scheme.contains("ssh");
  }

  /** True for {@code http://} and {@code https://} remotes. */
  boolean isHttp() {
    String scheme = uri.getScheme();
    return "http".equals(scheme) || "https".equals(scheme);
  }

  /**
   * {@code text} with every {@code secret} cut out, as given and as percent-encoded in a URL (a password with an
   * {@code @} is written {@code %40} there), and with any other {@code user:password@} of a URL in it.
   */
  static String redact(String text, Iterable<String> secrets) {
    if (text == null) {
      return "";
    }
    String out = text;
    for (String secret : secrets) {
      if (secret == null || secret.isEmpty()) {
        continue;
      }
      out = out.replace(secret, "***");
      String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
      if (!encoded.equals(secret)) {
        out = out.replace(encoded, "***").replace(encoded.replace("+", "%20"), "***");
      }
    }
    return USER_INFO_PASSWORD.matcher(out).replaceAll("$1@");
  }

  @Override
  public String toString() {
    return shown;
  }
}
