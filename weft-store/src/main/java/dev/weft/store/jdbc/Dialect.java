package dev.weft.store.jdbc;

/** The databases the adapters run on, told apart by the JDBC URL. */
public enum Dialect {
  H2, POSTGRES;

  /**
   * The dialect of {@code url}.
   *
   * @throws IllegalArgumentException for any other database, naming the ones supported
   */
  public static Dialect of(String url) {
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRES;
    }
    throw new IllegalArgumentException("unsupported database URL " + url
        + ": use jdbc:h2:file:PATH or jdbc:postgresql://HOST:PORT/DB");
  }

  /** The URL as given, with the H2 settings the shared SQL needs. */
  public String prepare(String url) {
    if (this == H2 && !url.toUpperCase(java.util.Locale.ROOT).contains("MODE=")) {
      return url + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }
    return url;
  }
}
