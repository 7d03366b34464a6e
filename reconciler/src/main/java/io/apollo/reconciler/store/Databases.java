package io.apollo.reconciler.store;

import java.util.regex.Pattern;

/** What a database URL may show in logs and messages: never a password. */
public final class Databases {
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
  private static final Pattern USER_INFO = Pattern.compile("(//[^/@:]*):[^/@]*@");

  private Databases() {}

  /** {@code url} with any {@code password=} parameter and {@code user:password@} secret replaced by {@code ***}. */
  public static String redact(String url) {
    String noParam = PASSWORD.matcher(url).replaceAll("$1***");
    return USER_INFO.matcher(noParam).replaceAll("$1:***@");
  }

  /** Whether {@code url} names a PostgreSQL database (the only server database the hub speaks). */
  public static boolean isPostgres(String url) {
    return url.startsWith("jdbc:postgresql:");
  }
}
