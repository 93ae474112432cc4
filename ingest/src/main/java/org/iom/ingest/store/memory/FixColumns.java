package org.iom.ingest.store.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.iom.ingest.geo.Position;
import org.iom.ingest.model.Fix;
import org.iom.ingest.store.merge.StoredTime;

/**
 * One tag's fixes held column-wise in primitive arrays sorted by time, not one object per fix:
 * epoch microseconds ({@code long}), lat/lon degrees and easting/northing metres
 * ({@code double}), accuracy and speed ({@code double}, NaN = absent), battery ({@code byte},
 * -1 = absent), events ({@code String[]} allocated only when a tag reports one).
 * About 57 bytes per fix plus up to 50% growth slack.
 *
 * <p>Late fixes are merged in place from the back, so appending in time order costs O(1) per
 * fix and a batch of m late fixes costs O(m log m + the fixes after the earliest one).
 *
 * <p>Not thread-safe: {@link MemoryStore} guards it with its lock.
 */
final class FixColumns {
  private static final byte NO_BATTERY = -1;

  private final String tagId;
  private long[] micros = new long[16];
  private double[] lat = new double[16];
  private double[] lon = new double[16];
  private double[] easting = new double[16];
  private double[] northing = new double[16];
  private double[] accuracy = new double[16];
  private double[] speed = new double[16];
  private byte[] battery = new byte[16];
  private String[] events;
  private int size;

  FixColumns(String tagId) {
    this.tagId = tagId;
  }

  int size() {
    return size;
  }

  /** Index of the fix at exactly {@code t}, or a negative number as {@link Arrays#binarySearch}. */
  int find(long t) {
    return Arrays.binarySearch(micros, 0, size, t);
  }

  /** The first index whose time is {@code >= t}. */
  int lowerBound(long t) {
    int i = find(t);
    if (i < 0) return -i - 1;
    return i; // keys are unique, so an exact hit is the first
  }

  long microsAt(int i) {
    return micros[i];
  }

  Position positionAt(int i) {
    return new Position(lat[i], lon[i], easting[i], northing[i]);
  }

  Fix fixAt(int i) {
    return new Fix(
        tagId,
        StoredTime.ofEpochMicros(micros[i]),
        positionAt(i),
        Double.isNaN(accuracy[i]) ? null : accuracy[i],
        Double.isNaN(speed[i]) ? null : speed[i],
        battery[i] == NO_BATTERY ? null : (int) battery[i],
        events == null ? null : events[i]);
  }

  /** Fixes with index in {@code [from, to)}. */
  List<Fix> slice(int from, int to) {
    List<Fix> out = new ArrayList<>(Math.max(0, to - from));
    for (int i = from; i < to; i++) out.add(fixAt(i));
    return out;
  }

  /** Merges fixes sorted by time whose times are not yet held. */
  void insertSorted(List<Fix> sorted) {
    int m = sorted.size();
    if (m == 0) return;
    ensureCapacity(size + m);
    int i = size - 1;
    int k = size + m - 1;
    for (int j = m - 1; j >= 0; j--) {
      Fix fix = sorted.get(j);
      long t = StoredTime.toEpochMicros(fix.recordedAt());
      while (i >= 0 && micros[i] > t) move(i--, k--);
      set(k--, t, fix);
    }
    size += m;
  }

  private void move(int from, int to) {
    micros[to] = micros[from];
    lat[to] = lat[from];
    lon[to] = lon[from];
    easting[to] = easting[from];
    northing[to] = northing[from];
    accuracy[to] = accuracy[from];
    speed[to] = speed[from];
    battery[to] = battery[from];
    if (events != null) events[to] = events[from];
  }

  private void set(int i, long t, Fix fix) {
    Position p = fix.position();
    micros[i] = t;
    lat[i] = p.lat();
    lon[i] = p.lon();
    easting[i] = p.easting();
    northing[i] = p.northing();
    accuracy[i] = fix.accuracyM() == null ? Double.NaN : fix.accuracyM();
    speed[i] = fix.speedKmh() == null ? Double.NaN : fix.speedKmh();
    battery[i] = fix.batteryPct() == null ? NO_BATTERY : fix.batteryPct().byteValue();
    if (fix.event() != null && events == null) events = new String[micros.length];
    if (events != null) events[i] = fix.event();
  }

  private void ensureCapacity(int needed) {
    if (needed <= micros.length) return;
    int capacity = Math.max(needed, micros.length + (micros.length >> 1));
    micros = Arrays.copyOf(micros, capacity);
    lat = Arrays.copyOf(lat, capacity);
    lon = Arrays.copyOf(lon, capacity);
    easting = Arrays.copyOf(easting, capacity);
    northing = Arrays.copyOf(northing, capacity);
    accuracy = Arrays.copyOf(accuracy, capacity);
    speed = Arrays.copyOf(speed, capacity);
    battery = Arrays.copyOf(battery, capacity);
    if (events != null) events = Arrays.copyOf(events, capacity);
  }
}
