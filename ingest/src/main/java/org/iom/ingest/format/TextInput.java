package org.iom.ingest.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Opens a text format's input as UTF-8 after a cheap look at its first {@value #SNIFF_BYTES}
 * bytes, so the common wrong files get one clear whole-file error instead of a row of
 * rejections each: an empty file, a ZIP (an Excel workbook) or gzip archive, UTF-16 text, binary
 * data (a NUL byte) or text in another encoding (bytes that are not UTF-8, e.g. a Windows-1252
 * pound sign). A UTF-8 byte-order mark is skipped. Bytes after the sample are decoded strictly
 * too: a bad byte later surfaces as a {@link java.nio.charset.MalformedInputException} from the
 * returned reader, which the readers turn into an {@link InvalidFileException}. Stateless.
 */
final class TextInput {
  static final int SNIFF_BYTES = 64 * 1024;

  private TextInput() {}

  /** @param format the format's name for messages, e.g. "CSV" */
  static Reader open(InputStream in, String format) throws IOException, InvalidFileException {
    BufferedInputStream buffered = new BufferedInputStream(in, SNIFF_BYTES);
    buffered.mark(SNIFF_BYTES);
    byte[] sample = buffered.readNBytes(SNIFF_BYTES);
    buffered.reset();
    int start = 0;
    if (startsWith(sample, 0xEF, 0xBB, 0xBF)) start = 3;
    checkSample(sample, start, sample.length < SNIFF_BYTES, format);
    if (buffered.skip(start) != start) throw new IOException("could not skip the byte-order mark");
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new InputStreamReader(buffered, strict);
  }

  private static void checkSample(byte[] b, int start, boolean whole, String format) throws InvalidFileException {
    if (startsWith(b, 0x50, 0x4B, 0x03, 0x04)) {
      throw new InvalidFileException("not " + format + ": the file is a ZIP archive (an Excel workbook?); save or export it as "
          + format + " (UTF-8)");
    }
    if (startsWith(b, 0x1F, 0x8B)) throw new InvalidFileException("not " + format + ": the file is gzip-compressed; decompress it first");
    if (startsWith(b, 0xFE, 0xFF) || startsWith(b, 0xFF, 0xFE)) {
      throw new InvalidFileException("not " + format + ": the file is UTF-16 text; save it as UTF-8");
    }
    boolean blank = true;
    int line = 1;
    for (int i = start; i < b.length; i++) {
      byte c = b[i];
      if (c == 0) throw new InvalidFileException("not " + format + ": binary data (a NUL byte on line " + line + "), not text");
      if (c == '\n') line++;
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') blank = false;
    }
    if (blank && whole) throw new InvalidFileException("the file is empty");
    int bad = firstMalformed(b, start, whole);
    if (bad >= 0) {
      throw new InvalidFileException("not " + format + " in UTF-8: line " + lineOf(b, bad)
          + " has a byte that is not UTF-8 (text saved as Windows-1252 or Latin-1?); save the file as UTF-8");
    }
  }

  /** Offset of the first byte that is not UTF-8, or -1; a sequence cut by the sample end is fine. */
  private static int firstMalformed(byte[] b, int start, boolean whole) {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, start, b.length - start);
    CharBuffer out = CharBuffer.allocate(4096);
    while (true) {
      CoderResult r = d.decode(in, out, whole);
      if (r.isError()) return in.position();
      if (r.isOverflow()) {
        out.clear();
        continue;
      }
      return -1; // underflow: all decoded, or only a sequence cut by the sample's end remains
    }
  }

  private static int lineOf(byte[] b, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) if (b[i] == '\n') line++;
    return line;
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) return false;
    for (int i = 0; i < prefix.length; i++) if ((b[i] & 0xFF) != prefix[i]) return false;
    return true;
  }

  /** For a decoding failure after the sample. */
  static InvalidFileException notUtf8After(String format, long line, CharacterCodingException cause) {
    return new InvalidFileException("not " + format + " in UTF-8: a byte after line " + line
        + " is not UTF-8 (text saved as Windows-1252 or Latin-1?); save the file as UTF-8", cause);
  }
}
