package org.iom.ingest.model;

/** EXCLUSION: must stay out while active. INCLUSION: curfew address, must stay in while active. */
public enum ZoneKind { EXCLUSION, INCLUSION }
