package org.textdesk.cases;

/**
 * The case page's Appointments section. The appointments module implements it, so this package does not depend
 * on the one that depends on it (an appointment belongs to a case).
 */
public interface CaseAppointments {

    /** The model of the section (template fragment appointments/sections :: caseAppointments). */
    Object sectionOf(CaseRecord caseRecord);
}
