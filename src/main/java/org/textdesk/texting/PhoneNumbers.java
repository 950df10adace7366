package org.textdesk.texting;

import org.textdesk.client.CellNumber;

/** Phone numbers as staff read them: 404-538-7319 for a US number, as stored (E.164) for any other. */
final class PhoneNumbers {

    private PhoneNumbers() {
    }

    static String display(String e164) {
        if (e164 == null || e164.isBlank()) {
            return "";
        }
        return CellNumber.fromE164(e164).map(CellNumber::display).orElse(e164);
    }
}
