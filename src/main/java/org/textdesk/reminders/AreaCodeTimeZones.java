package org.textdesk.reminders;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The time zones a cell number's area code lies in, from libphonenumber's {@link PhoneNumberToTimeZonesMapper}
 * (several for an area code that spans zones; none for a number it cannot place).
 */
final class AreaCodeTimeZones {

    private AreaCodeTimeZones() {
    }

    static List<ZoneId> of(String e164) {
        if (e164 == null || e164.isBlank()) {
            return List.of();
        }
        List<ZoneId> zones = new ArrayList<>();
        try {
            var number = PhoneNumberUtil.getInstance().parse(e164, "US");
            for (String name : PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number)) {
                known(name, zones);
            }
        } catch (NumberParseException notANumber) {
            return List.of();
        }
        return List.copyOf(zones);
    }

    private static void known(String name, List<ZoneId> zones) {
        if (PhoneNumberToTimeZonesMapper.getUnknownTimeZone().equals(name)) {
            return;
        }
        try {
            zones.add(ZoneId.of(name));
        } catch (DateTimeException unknownToJava) {
            // a zone name this JDK does not know: the others (or the organisation's) still apply
        }
    }
}
