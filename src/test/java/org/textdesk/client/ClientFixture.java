package org.textdesk.client;

import org.textdesk.staff.StaffPrincipal;

/** Adds clients for other features' tests through the same service staff use. */
public final class ClientFixture {

    private ClientFixture() {
    }

    /** A client with a cell like "404", "538-7319" (or null, null for none). */
    public static Client create(ClientService clientService, StaffPrincipal staff, String firstName, String lastName,
            String areaCode, String number, boolean safe, boolean okayToText) {
        return clientService.createClient(new ClientDetails(firstName, lastName, areaCode == null ? "" : areaCode,
                number == null ? "" : number, safe, okayToText, ""), staff);
    }
}
