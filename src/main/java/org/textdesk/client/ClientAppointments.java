package org.textdesk.client;

/**
 * The client record's Appointments section. The appointments module implements it, so this package does not
 * depend on the one that depends on it (appointments belong to a client's cases).
 */
public interface ClientAppointments {

    /** The model of the section (template fragment appointments/sections :: clientAppointments). */
    Object sectionOf(long clientId);
}
