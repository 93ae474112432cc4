package org.iom.ingest.format;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.iom.ingest.model.Fix;

/**
 * GPX 1.0 and 1.1 fixes, read as a stream with the JDK's StAX parser (DTDs and external entities
 * off). Every {@code <trkpt>} and {@code <wpt>} is a row: {@code lat}/{@code lon} attributes and a
 * {@code <time>} child, decoded by the same rules as CSV fixes (so a time needs {@code Z} or an
 * offset). Route points ({@code <rtept>}) are a planned route, not where the tag was, and are
 * ignored; so are {@code <ele>}, {@code <hdop>} and extensions.
 *
 * <p>The tag: a track point belongs to its track's {@code <name>}; otherwise (and for waypoints) to
 * the file's name ({@code <metadata><name>} in 1.1, {@code <gpx><name>} in 1.0); otherwise to
 * {@link ReadOptions#gpxTagId()}; with none of these the point is rejected.
 *
 * <p>The line of a point is the line of its start tag (for a start tag spread over several lines,
 * the line where it ends). Why not jpx: in lenient mode it silently drops a point with a bad
 * latitude, turns an unreadable time into "no time" and reads a time without offset as UTC; in
 * strict mode one bad point fails the file; and it reports no line numbers. Stateless.
 */
final class GpxFixReader implements RecordReader<Fix> {
  /** Longest run of bytes between two tags, see {@link TextRunLimit}. */
  static final int MAX_TEXT_RUN_BYTES = 1 << 20;

  private final ReadOptions options;

  GpxFixReader(ReadOptions options) {
    this.options = options;
  }

  @Override
  public void read(InputStream in, RowSink<Fix> sink) throws InvalidFileException, IOException {
    // the JDK's StAX parser closes its input at the end of the document; the caller owns it
    TextRunLimit limited = new TextRunLimit(in, MAX_TEXT_RUN_BYTES);
    BufferedInputStream buffered = new BufferedInputStream(limited, 8192);
    if (isBlank(buffered)) throw new InvalidFileException("the file is empty");
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try {
      XMLStreamReader xml = factory.createXMLStreamReader(buffered);
      try {
        new Walk(xml, new RowDelivery<>(FixRows.INSTANCE, options, sink)).run();
      } finally {
        xml.close();
      }
    } catch (XMLStreamException e) {
      if (e.getNestedException() instanceof TextRunTooLong tooLong) throw tooLong.asInvalidFile();
      if (e.getNestedException() instanceof IOException io) throw io;
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
      String msg = e.getMessage() == null ? "" : e.getMessage();
      int at = msg.indexOf("Message: ");
      throw new InvalidFileException("not GPX: the XML is not well-formed"
          + (line > 0 ? " at line " + line : "") + ": " + (at >= 0 ? msg.substring(at + 9) : msg).strip(), e);
    }
  }

  /**
   * Passes bytes through, counting those since the last {@code <} or {@code >}; more than the limit
   * in one run (text or an attribute value hundreds of MB long) stops the read. The JDK's StAX
   * parser has no limit of its own on text or attribute length, and builds each as one string, so
   * one such body ran the server out of memory. Also keeps the caller's stream open: the parser
   * closes its input at the end of the document.
   */
  private static final class TextRunLimit extends FilterInputStream {
    private final long limit;
    private long run;
    private long line = 1;

    TextRunLimit(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) count((byte) b);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      for (int i = off; i < off + n; i++) count(b[i]);
      return n;
    }

    private void count(byte b) throws TextRunTooLong {
      if (b == '<' || b == '>') {
        run = 0;
      } else if (++run > limit) {
        throw new TextRunTooLong(limit, line);
      }
      if (b == '\n') line++;
    }

    @Override
    public void close() {}
  }

  private static final class TextRunTooLong extends IOException {
    private final long limit;
    private final long line;

    TextRunTooLong(long limit, long line) {
      super("more than " + limit + " bytes without a tag at line " + line);
      this.limit = limit;
      this.line = line;
    }

    InvalidFileException asInvalidFile() {
      return new InvalidFileException("not GPX: more than " + limit + " bytes of text or of one attribute without a tag,"
          + " at line " + line + "; a GPX point's values are a few characters each");
    }
  }

  private static boolean isBlank(BufferedInputStream in) throws IOException {
    in.mark(8192);
    byte[] head = in.readNBytes(8192);
    in.reset();
    if (head.length == 8192) return false;
    for (byte b : head) if (b != ' ' && b != '\t' && b != '\r' && b != '\n') return false;
    return true;
  }

  /** One pass over one document. */
  private final class Walk {
    private final XMLStreamReader xml;
    private final RowDelivery<Fix> delivery;
    private final Deque<String> open = new ArrayDeque<>();
    private final PointFields point = new PointFields();
    private String fileName;
    private String trackName;
    private boolean inPoint;

    Walk(XMLStreamReader xml, RowDelivery<Fix> delivery) {
      this.xml = xml;
      this.delivery = delivery;
    }

    void run() throws XMLStreamException, InvalidFileException {
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          start(xml.getLocalName());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          end(open.pop());
        }
      }
    }

    private void start(String name) throws XMLStreamException, InvalidFileException {
      String parent = open.peek();
      if (parent == null && !name.equals("gpx")) {
        throw new InvalidFileException("not GPX: the root element is <" + name + ">, not <gpx>");
      }
      if (name.equals("name") && ("metadata".equals(parent) || "gpx".equals(parent))) {
        fileName = blankToNull(xml.getElementText());
        return; // getElementText consumed the end tag
      }
      if (name.equals("name") && "trk".equals(parent)) {
        trackName = blankToNull(xml.getElementText());
        return;
      }
      if (name.equals("time") && inPoint && point.element.equals(parent)) {
        point.values[FixRows.RECORDED_AT] = xml.getElementText();
        return;
      }
      if (name.equals("trk")) trackName = null;
      if ((name.equals("trkpt") && "trkseg".equals(parent)) || (name.equals("wpt") && "gpx".equals(parent))) {
        inPoint = true;
        point.begin(name, xml.getLocation().getLineNumber(), xml.getAttributeValue(null, "lat"),
            xml.getAttributeValue(null, "lon"));
        point.values[FixRows.TAG_ID] = name.equals("trkpt") && trackName != null ? trackName
            : fileName != null ? fileName : options.gpxTagId();
      }
      open.push(name);
    }

    private void end(String name) {
      if (!inPoint || !name.equals(point.element)) return;
      inPoint = false;
      if (point.values[FixRows.TAG_ID] == null) {
        delivery.reject(point.line, "the point names no tag: its track has no <name>, the file has no <name>,"
            + " and no tag id was given with the upload", point.raw());
      } else {
        delivery.deliver(point, point.line);
      }
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** One point's values in fix slots. */
  private static final class PointFields implements Fields {
    final String[] values = new String[FixRows.INSTANCE.columns().size()];
    String element;
    long line;

    void begin(String element, long line, String lat, String lon) {
      java.util.Arrays.fill(values, null);
      this.element = element;
      this.line = line;
      values[FixRows.LAT] = lat;
      values[FixRows.LON] = lon;
    }

    @Override
    public String get(int slot) {
      return blankToNull(values[slot]);
    }

    @Override
    public String name(int slot) {
      if (slot == FixRows.RECORDED_AT) return "time";
      if (slot == FixRows.TAG_ID) return "track name (tag id)";
      return FixRows.INSTANCE.columns().get(slot);
    }

    @Override
    public String raw() {
      return "<" + element + " lat=\"" + nullToEmpty(values[FixRows.LAT]) + "\" lon=\""
          + nullToEmpty(values[FixRows.LON]) + "\">"
          + (values[FixRows.RECORDED_AT] == null ? "" : "<time>" + values[FixRows.RECORDED_AT] + "</time>")
          + "</" + element + ">";
    }

    private static String nullToEmpty(String s) {
      return s == null ? "" : s;
    }
  }
}
