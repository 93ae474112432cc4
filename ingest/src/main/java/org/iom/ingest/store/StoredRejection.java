package org.iom.ingest.store;

import java.time.Instant;
import org.iom.ingest.model.RecordKind;

/** A rejected input row as kept by the store. */
public record StoredRejection(
    RecordKind kind, String source, long line, String reason, String raw, Instant receivedAt) {}
