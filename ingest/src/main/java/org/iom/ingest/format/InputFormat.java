package org.iom.ingest.format;

import java.util.Locale;
import java.util.Optional;

/** The wire formats of SPEC.md, with their media types and usual file extensions. */
public enum InputFormat {
  CSV("text/csv", ".csv"),
  NDJSON("application/x-ndjson", ".ndjson", ".jsonl"),
  GPX("application/gpx+xml", ".gpx"),
  GEOJSON("application/geo+json", ".geojson", ".json");

  private final String mediaType;
  private final String[] extensions;

  InputFormat(String mediaType, String... extensions) {
    this.mediaType = mediaType;
    this.extensions = extensions;
  }

  public String mediaType() {
    return mediaType;
  }

  /** From a Content-Type header value; parameters such as {@code charset} are ignored. */
  public static Optional<InputFormat> fromContentType(String contentType) {
    if (contentType == null) return Optional.empty();
    String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    for (InputFormat f : values()) if (f.mediaType.equals(type)) return Optional.of(f);
    if (type.equals("application/json")) return Optional.of(GEOJSON);
    return Optional.empty();
  }

  /** From a file name's extension. */
  public static Optional<InputFormat> fromFileName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (InputFormat f : values()) for (String ext : f.extensions) if (lower.endsWith(ext)) return Optional.of(f);
    return Optional.empty();
  }
}
