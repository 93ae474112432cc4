package org.iom.correlator.report;

import java.io.InputStream;

/** Opens the reference files shipped on the classpath; a missing one is a packaging error. */
final class BuiltInResources {
  private BuiltInResources() {}

  static InputStream open(String resource) {
    InputStream in = BuiltInResources.class.getResourceAsStream(resource);
    if (in == null) throw new IllegalStateException("built-in reference file " + resource + " is not on the classpath");
    return in;
  }
}
