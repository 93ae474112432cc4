package org.iom.ingest.model;

import java.time.Duration;

/**
 * A GPS tag. Tags are known from the assignments and fixes that name them.
 *
 * @param cadence how often the tag is configured to take a fix (default one a minute); the
 *                cohort report measures data completeness against it
 */
public record Tag(String tagId, Duration cadence) {
  public static final Duration DEFAULT_CADENCE = Duration.ofSeconds(60);

  public Tag {
    tagId = Require.id(tagId, "tag_id");
    cadence = cadence == null ? DEFAULT_CADENCE : cadence;
    if (cadence.isNegative() || cadence.isZero()) throw new IllegalArgumentException("cadence must be positive");
  }
}
