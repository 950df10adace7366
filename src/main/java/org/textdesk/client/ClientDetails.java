package org.textdesk.client;

/**
 * What a staff member typed on the client record, before the domain's checks.
 *
 * @param languageId the preferred language chosen, or null when the form sent none (a new client is then
 *     English; an edited one keeps the language it had)
 * @param okayToTextCell the cell number Okay to Text was ticked for (the number shown when the box was
 *     ticked); a changed cell number keeps the tick only when this is the new number
 */
record ClientDetails(String firstName, String lastName, String cellAreaCode, String cellNumber, boolean safe,
        boolean okayToText, String okayToTextCell, Long languageId) {

    /** Details that leave the language as it is (English for a new client). */
    ClientDetails(String firstName, String lastName, String cellAreaCode, String cellNumber, boolean safe,
            boolean okayToText, String okayToTextCell) {
        this(firstName, lastName, cellAreaCode, cellNumber, safe, okayToText, okayToTextCell, null);
    }
}
