package org.iom.ingest.format;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads text line by line like {@link java.io.BufferedReader#readLine()} (a line ends at
 * {@code \n}, {@code \r\n} or a lone {@code \r}), but never holds more than {@code maxChars} of
 * one line: the rest of a longer line is read and dropped, and the line is reported as too long.
 * Without the bound, one body of a few hundred MB with no line break made the NDJSON reader
 * build a string of that size and run the server out of memory. Not thread-safe.
 */
final class BoundedLines {
  private final Reader in;
  private final int maxChars;
  private final char[] buffer = new char[64 * 1024];
  private int position;
  private int limit;
  private boolean skipLeadingNewline;
  private boolean tooLong;
  private final StringBuilder line = new StringBuilder();

  BoundedLines(Reader in, int maxChars) {
    this.in = in;
    this.maxChars = maxChars;
  }

  /**
   * The next line without its terminator, or null at the end of the input. For a line longer
   * than {@code maxChars}, its first {@code maxChars} characters, and {@link #tooLong()} is true.
   */
  String readLine() throws IOException {
    line.setLength(0);
    tooLong = false;
    boolean any = false;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return any ? line.toString() : null;
        }
      }
      if (skipLeadingNewline) {
        skipLeadingNewline = false;
        if (buffer[position] == '\n') {
          position++;
          continue;
        }
      }
      any = true;
      int start = position;
      while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') position++;
      append(start, position);
      if (position < limit) {
        skipLeadingNewline = buffer[position] == '\r';
        position++;
        return line.toString();
      }
    }
  }

  /** Whether the line last returned was cut at {@code maxChars}. */
  boolean tooLong() {
    return tooLong;
  }

  private void append(int from, int to) {
    int room = maxChars - line.length();
    if (to - from > room) {
      tooLong = true;
      to = from + Math.max(room, 0);
    }
    line.append(buffer, from, to - from);
  }
}
