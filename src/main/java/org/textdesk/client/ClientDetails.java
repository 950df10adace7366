package org.textdesk.client;

/**
 * What a staff member typed on the client record, before the domain's checks.
 *
 * @param okayToTextCell the cell number Okay to Text was ticked for (the number shown when the box was
 *     ticked); a changed cell number keeps the tick only when this is the new number
 */
record ClientDetails(String firstName, String lastName, String cellAreaCode, String cellNumber, boolean safe,
        boolean okayToText, String okayToTextCell) {
}
