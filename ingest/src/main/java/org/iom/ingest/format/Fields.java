package org.iom.ingest.format;

/**
 * One input row seen as values in a {@link RowKind}'s column slots, whatever the wire format
 * (a CSV record, an NDJSON object, a GPX point, GeoJSON properties). Values are stripped text;
 * absent and blank values are both {@code null}, so "missing" means the same in every format.
 */
interface Fields {
  /** The stripped value in the slot, or null when the row has none or it is blank. */
  String get(int slot);

  /** The name a person would recognise for the slot in this format, used in rejection reasons. */
  String name(int slot);

  /** The row as received, for the rejection record; only called for rejected rows. */
  String raw();
}
