package org.iom.ingest.model;

/**
 * A person managed under IOM.
 *
 * @param displayName optional name shown to their manager, or null
 * @param managerId   user name of their IOM manager, or null; decides whose caseload they are on
 * @param cohort      current cohort, or null
 */
public record Offender(String offenderId, String displayName, String managerId, Cohort cohort) {
  public Offender {
    offenderId = Require.id(offenderId, "offender_id");
    displayName = Require.blankToNull(displayName);
    managerId = Require.blankToNull(managerId);
  }
}
