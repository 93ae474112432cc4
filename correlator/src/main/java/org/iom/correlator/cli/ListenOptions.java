package org.iom.correlator.cli;

import picocli.CommandLine.Option;

/** Where the HTTP service listens; shared by {@code serve} and {@code demo}. */
final class ListenOptions {
  @Option(names = "--port", defaultValue = "${env:PORT:-8080}", description = "HTTP port (env PORT; default ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "0.0.0.0", description = "Interface to listen on (default ${DEFAULT-VALUE}).")
  String host;
}
