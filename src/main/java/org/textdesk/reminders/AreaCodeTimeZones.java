package org.textdesk.reminders;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The time zones a cell number's area code lies in, from libphonenumber's {@link PhoneNumberToTimeZonesMapper}
 * (several for an area code that spans zones; none for a number it cannot place).
 */
final class AreaCodeTimeZones {

    /**
     * Numbers looked up before: the Scheduled page shows 200 texts, each with its client's time, and parsing a number
     * and asking the mapper was more than half of what the page's controller did (async-profiler, 2026-12-03). Emptied
     * when full: the numbers a day's pages show are far fewer.
     */
    static final int REMEMBERED = 20_000;
    private static final Map<String, List<ZoneId>> LOOKED_UP = new ConcurrentHashMap<>();

    private AreaCodeTimeZones() {
    }

    static List<ZoneId> of(String e164) {
        if (e164 == null || e164.isBlank()) {
            return List.of();
        }
        List<ZoneId> known = LOOKED_UP.get(e164);
        if (known != null) {
            return known;
        }
        if (LOOKED_UP.size() >= REMEMBERED) {
            LOOKED_UP.clear();
        }
        List<ZoneId> zones = lookUp(e164);
        LOOKED_UP.put(e164, zones);
        return zones;
    }

    /** How many numbers are remembered now. */
    static int remembered() {
        return LOOKED_UP.size();
    }

    private static List<ZoneId> lookUp(String e164) {
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
