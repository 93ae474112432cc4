package org.iom.ingest.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.iom.ingest.model.Zone;

/**
 * Zones as GeoJSON (RFC 7946): a FeatureCollection, or a single Feature, one zone per feature.
 * The document is parsed with Jackson's streaming parser so each feature keeps the line where its
 * object starts; features are held until the top-level {@code type} is known (it may come after
 * {@code features}), so a document that is not a Feature or FeatureCollection delivers nothing.
 * Zone files are small (a few per offender), so holding them is cheap. A feature without
 * properties, with a missing or bad property, a non-polygon or invalid geometry, or a bad
 * schedule is rejected on its own. Stateless and thread-safe.
 */
final class GeoJsonZoneReader implements RecordReader<Zone> {
  /** The caller owns the stream: closing the parser must not close it. */
  private static final ObjectMapper MAPPER =
      new ObjectMapper(JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build());
  private static final JsonFactory JSON = MAPPER.getFactory();

  /**
   * Larger documents are refused ({@link InputTooLargeException}, 413 over HTTP): the features are
   * held as a tree, several times the size of the text, so a document of a few hundred MB (the
   * HTTP body limit) could run the server out of memory. Thousands of detailed zones fit.
   */
  static final int MAX_DOCUMENT_BYTES = 16 << 20;

  private final ReadOptions options;

  GeoJsonZoneReader(ReadOptions options) {
    this.options = options;
  }

  private record Located(long line, JsonNode feature) {}

  @Override
  public void read(InputStream in, RowSink<Zone> sink) throws InvalidFileException, IOException {
    List<Located> features = new ArrayList<>();
    String type;
    try (JsonParser p = JSON.createParser(TextInput.open(new SizeLimitedInputStream(in, MAX_DOCUMENT_BYTES), "GeoJSON"))) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new InvalidFileException("not GeoJSON: the document is a JSON " + (first == JsonToken.START_ARRAY ? "array" : "value")
            + "; send a Feature or a FeatureCollection object");
      }
      long rootLine = line(p.currentTokenLocation());
      type = null;
      boolean sawFeatures = false;
      com.fasterxml.jackson.databind.node.ObjectNode single = MAPPER.createObjectNode();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("type")) {
          type = value == JsonToken.VALUE_STRING ? p.getText() : null;
          single.put("type", type);
        } else if (name.equals("features") && value == JsonToken.START_ARRAY) {
          sawFeatures = true;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            long line = line(p.currentTokenLocation());
            features.add(new Located(line, MAPPER.readTree(p)));
          }
        } else if (name.equals("geometry") || name.equals("properties") || name.equals("id")) {
          single.set(name, MAPPER.readTree(p));
        } else {
          p.skipChildren();
        }
      }
      if ("Feature".equals(type)) {
        features.clear();
        features.add(new Located(rootLine, single));
      } else if (!"FeatureCollection".equals(type)) {
        throw new InvalidFileException("not GeoJSON zones: the top-level type is "
            + (type == null ? "missing" : "'" + type + "'") + "; send a FeatureCollection of Features (or one Feature)"
            + " whose properties name zone_id, offender_id and kind");
      } else if (!sawFeatures) {
        throw new InvalidFileException("the FeatureCollection has no \"features\" array");
      }
    } catch (JsonProcessingException e) {
      throw new InvalidFileException("not GeoJSON: the JSON is not valid at line "
          + line(e.getLocation()) + ": " + e.getOriginalMessage(), e);
    } catch (InputTooLargeException e) {
      if (e.limitBytes() != MAX_DOCUMENT_BYTES) throw e; // the caller's own, smaller limit
      throw new InputTooLargeException(MAX_DOCUMENT_BYTES, "a GeoJSON zone document may be at most " + MAX_DOCUMENT_BYTES
          + " bytes; split it into several files");
    } catch (CharacterCodingException e) {
      throw TextInput.notUtf8After("GeoJSON", 1, e);
    }
    RowDelivery<Zone> delivery = new RowDelivery<>(ZoneRows.INSTANCE, options, sink);
    for (Located f : features) {
      String problem = describeProblem(f.feature());
      if (problem != null) {
        delivery.reject(f.line(), problem, f.feature().toString());
        continue;
      }
      FeatureFields fields;
      try {
        fields = new FeatureFields(f.feature());
      } catch (BadRowException e) {
        delivery.reject(f.line(), e.getMessage(), f.feature().toString());
        continue;
      }
      delivery.deliver(fields, f.line());
    }
  }

  private static long line(JsonLocation location) {
    return location == null ? -1 : location.getLineNr();
  }

  /** Structural problems that are not about one property; null when there is none. */
  private static String describeProblem(JsonNode feature) {
    if (!feature.isObject()) return "a feature must be a JSON object";
    JsonNode type = feature.get("type");
    if (type == null || !"Feature".equals(type.asText())) {
      return "type is " + (type == null ? "missing" : "'" + type.asText() + "'") + "; each element of features must be a Feature";
    }
    JsonNode props = feature.get("properties");
    if (props == null || !props.isObject()) return "properties are missing; a zone needs zone_id, offender_id and kind";
    JsonNode geometry = feature.get("geometry");
    if (geometry == null || geometry.isNull()) return "geometry is missing; a zone needs a Polygon or MultiPolygon";
    if (!geometry.isObject()) return "geometry must be a GeoJSON geometry object";
    return null;
  }

  /** A feature's properties (names matched case-insensitively) plus its geometry as text. */
  private static final class FeatureFields implements Fields {
    private final String[] values = new String[ZoneRows.INSTANCE.columns().size()];
    private final JsonNode feature;

    FeatureFields(JsonNode feature) {
      this.feature = feature;
      Arrays.fill(values, null);
      Iterator<Map.Entry<String, JsonNode>> props = feature.get("properties").fields();
      while (props.hasNext()) {
        Map.Entry<String, JsonNode> e = props.next();
        int slot = ZoneRows.INSTANCE.slot(e.getKey().strip().toLowerCase(Locale.ROOT));
        if (slot < 0 || slot == ZoneRows.GEOMETRY) continue;
        JsonNode v = e.getValue();
        if (v.isContainerNode()) {
          throw new BadRowException(e.getKey() + " is a JSON " + (v.isArray() ? "array" : "object") + "; expected text or a number");
        }
        values[slot] = v.isNull() ? null : v.asText();
      }
      values[ZoneRows.GEOMETRY] = feature.get("geometry").toString();
    }

    @Override
    public String get(int slot) {
      String v = values[slot];
      if (v == null) return null;
      v = v.strip();
      return v.isEmpty() ? null : v;
    }

    @Override
    public String name(int slot) {
      return ZoneRows.INSTANCE.columns().get(slot);
    }

    @Override
    public String raw() {
      return feature.toString();
    }
  }
}
