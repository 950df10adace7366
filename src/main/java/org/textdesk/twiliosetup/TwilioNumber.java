package org.textdesk.twiliosetup;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/** The number TextDesk sends from: typed any usual way (US by default), stored E.164, shown 404-476-4365. */
final class TwilioNumber {

    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();
    private static final String DEFAULT_REGION = "US";

    private TwilioNumber() {
    }

    /** The number in E.164 (+14044764365), or empty when it is not a valid phone number. */
    static Optional<String> toE164(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > 40) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = PHONE_NUMBERS.parse(typed, DEFAULT_REGION);
            if (!PHONE_NUMBERS.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(PHONE_NUMBERS.format(number, PhoneNumberFormat.E164));
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }

    /** North American numbers as 404-476-4365 (the seed's way), others in international format. */
    static String readable(String e164) {
        if (e164 == null || e164.isBlank()) {
            return "";
        }
        try {
            PhoneNumber number = PHONE_NUMBERS.parse(e164, DEFAULT_REGION);
            String national = PHONE_NUMBERS.getNationalSignificantNumber(number);
            if (number.getCountryCode() == 1 && national.length() == 10) {
                return national.substring(0, 3) + "-" + national.substring(3, 6) + "-" + national.substring(6);
            }
            return PHONE_NUMBERS.format(number, PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException stored) {
            return e164;
        }
    }
}
