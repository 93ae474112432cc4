package org.iom.ingest.model;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of record that enter the system, with the path segment that names them in the API. */
public enum RecordKind {
  FIXES("fixes"),
  ASSIGNMENTS("assignments"),
  CRIMES("crimes"),
  OFFENDERS("offenders"),
  COHORT_MEMBERSHIPS("cohort-memberships"),
  OFFENCES("offences"),
  ZONES("zones");

  private final String pathName;

  RecordKind(String pathName) {
    this.pathName = pathName;
  }

  /** The name used in URLs and on the command line, e.g. {@code cohort-memberships}. */
  public String pathName() {
    return pathName;
  }

  public static Optional<RecordKind> byPathName(String name) {
    return Arrays.stream(values()).filter(k -> k.pathName.equalsIgnoreCase(name)).findFirst();
  }
}
