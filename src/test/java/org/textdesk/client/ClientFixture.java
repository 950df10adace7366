package org.textdesk.client;

import org.textdesk.staff.StaffPrincipal;

/**
 * Adds clients for other features' tests through the same service staff use, saying what each one is:
 * {@code ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
 * .create(clientService, staff)}. Safe and Okay to Text have no default: every test states both.
 */
public final class ClientFixture {

    private final String firstName;
    private final String lastName;
    private String areaCode = "";
    private String number = "";
    private Boolean safe;
    private Boolean okayToText;
    private Long languageId;

    private ClientFixture(String firstName, String lastName) {
        this.firstName = firstName;
        this.lastName = lastName;
    }

    public static ClientFixture client(String firstName, String lastName) {
        return new ClientFixture(firstName, lastName);
    }

    /** The cell as typed into the record's two boxes, like "404", "538-7319". Without it: no cell. */
    public ClientFixture cell(String areaCode, String number) {
        this.areaCode = areaCode;
        this.number = number;
        return this;
    }

    public ClientFixture safe(boolean safe) {
        this.safe = safe;
        return this;
    }

    public ClientFixture okayToText(boolean okayToText) {
        this.okayToText = okayToText;
        return this;
    }

    /** The client's preferred language (org.textdesk.language.Languages ids). Without it: English. */
    public ClientFixture language(long languageId) {
        this.languageId = languageId;
        return this;
    }

    public Client create(ClientService clientService, StaffPrincipal staff) {
        if (safe == null || okayToText == null) {
            throw new IllegalStateException("say whether the client is safe(...) and okayToText(...)");
        }
        return clientService.createClient(
                new ClientDetails(firstName, lastName, areaCode, number, safe, okayToText, "", languageId), staff);
    }
}
