package org.textdesk.client;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.textdesk.system.FieldRuleException;

/**
 * A client's cell number as the seed's record holds it: a three-digit area code and a number in the
 * format XXX-XXXX, which together libphonenumber accepts as a valid US (NANP) number; also its E.164
 * form (+14045387319) for Twilio.
 *
 * <p>What a person types is forgiven where the meaning is clear: 5381234 becomes 538-1234, (404) becomes
 * 404, and a whole number pasted into either box, such as {@code (404) 538-7319} or
 * {@code +1 404 538 7319}, is split into the two parts. Anything else is refused with a
 * {@link FieldRuleException} on {@link #AREA_CODE_FIELD} or {@link #NUMBER_FIELD}.
 */
public final class CellNumber {

    /** The form fields a refusal is reported on. */
    public static final String AREA_CODE_FIELD = "cellAreaCode";
    public static final String NUMBER_FIELD = "cellNumber";

    private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();
    private static final String REGION = "US";

    /** Characters people type or paste around the digits of a phone number. */
    private static final Pattern PHONE_TEXT = Pattern.compile("[0-9\\s().+\\-]*");
    private static final Pattern AREA_CODE = Pattern.compile("[0-9]{3}");
    private static final Pattern E164 = Pattern.compile("\\+1[0-9]{10}");

    private final String areaCode;
    private final String number;
    private final String e164;

    private CellNumber(String areaCode, String number, String e164) {
        this.areaCode = areaCode;
        this.number = number;
        this.e164 = e164;
    }

    /**
     * The cell number typed into the record's two boxes.
     *
     * @throws FieldRuleException beside the area code or the number when it is not a valid US number
     */
    public static CellNumber parse(String areaCodeTyped, String numberTyped) {
        String areaText = strip(areaCodeTyped);
        String numberText = strip(numberTyped);

        Optional<String> pastedIntoAreaCode = wholeNumberDigits(areaText);
        if (pastedIntoAreaCode.isPresent()) {
            String digits = pastedIntoAreaCode.get();
            if (numberText.isEmpty() || digitsOf(numberText).equals(digits.substring(3))) {
                return fromTenDigits(digits);
            }
            throw new FieldRuleException(AREA_CODE_FIELD, "cell.areaCode.digits");
        }
        Optional<String> pastedIntoNumber = wholeNumberDigits(numberText);
        if (pastedIntoNumber.isPresent()) {
            String digits = pastedIntoNumber.get();
            String areaCode = areaText.replaceAll("[\\s()]", "");
            if (areaCode.isEmpty() || areaCode.equals(digits.substring(0, 3))) {
                return fromTenDigits(digits);
            }
            throw new FieldRuleException(AREA_CODE_FIELD, "cell.areaCode.mismatch", digits.substring(0, 3));
        }

        String areaCode = areaText.replaceAll("[\\s()]", "");
        if (!AREA_CODE.matcher(areaCode).matches()) {
            throw new FieldRuleException(AREA_CODE_FIELD, "cell.areaCode.digits");
        }
        if (!PHONE_TEXT.matcher(numberText).matches() || numberText.contains("+")
                || digitsOf(numberText).length() != 7) {
            throw new FieldRuleException(NUMBER_FIELD, "cell.number.digits");
        }
        return fromTenDigits(areaCode + digitsOf(numberText));
    }

    /**
     * What is wrong with the two boxes, each beside its box: when neither box holds a whole number and both
     * are wrong, both are named at once, so that one save shows everything to correct.
     */
    static List<FieldRuleException> problemsOf(String areaCodeTyped, String numberTyped) {
        try {
            parseOptional(areaCodeTyped, numberTyped);
            return List.of();
        } catch (FieldRuleException refused) {
            String numberText = strip(numberTyped);
            boolean numberBoxWrong = !PHONE_TEXT.matcher(numberText).matches() || numberText.contains("+")
                    || digitsOf(numberText).length() != 7;
            if (AREA_CODE_FIELD.equals(refused.field()) && "cell.areaCode.digits".equals(refused.messageKey())
                    && wholeNumberDigits(strip(areaCodeTyped)).isEmpty() && numberBoxWrong) {
                return List.of(refused, new FieldRuleException(NUMBER_FIELD, "cell.number.digits"));
            }
            return List.of(refused);
        }
    }

    /** Like {@link #parse}, but both boxes left empty mean "no cell number". */
    public static Optional<CellNumber> parseOptional(String areaCodeTyped, String numberTyped) {
        if (strip(areaCodeTyped).isEmpty() && strip(numberTyped).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parse(areaCodeTyped, numberTyped));
    }

    /**
     * A whole number in one piece, in any usual formatting: {@code (404) 538-7319}, {@code 404.538.7319},
     * {@code +1 404 538 7319}, {@code +14045387319}.
     *
     * @throws FieldRuleException on {@link #NUMBER_FIELD} when it is not a valid US number
     */
    public static CellNumber parseAny(String typed) {
        return wholeNumberDigits(strip(typed)).map(CellNumber::fromTenDigits)
                .orElseThrow(() -> new FieldRuleException(NUMBER_FIELD, "cell.number.whole"));
    }

    /**
     * The cell number of an E.164 address such as Twilio's {@code From} ({@code +14045387319}); empty when
     * it is not a valid US number (a foreign number, a short code, anything else).
     */
    public static Optional<CellNumber> fromE164(String e164) {
        if (e164 == null || !E164.matcher(e164.strip()).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(fromTenDigits(e164.strip().substring(2)));
        } catch (FieldRuleException notUs) {
            return Optional.empty();
        }
    }

    /** A cell number read back from a client record, checked when it was saved. */
    static CellNumber stored(String areaCode, String number, String e164) {
        return new CellNumber(areaCode, number, e164);
    }

    /** An E.164 US number as the record shows it (+14045387319 is 404-538-7319); anything else as it is. */
    static String displayOfE164(String e164) {
        if (e164 == null || !E164.matcher(e164).matches()) {
            return e164;
        }
        return e164.substring(2, 5) + "-" + e164.substring(5, 8) + "-" + e164.substring(8);
    }

    /** The three-digit area code, like 404. */
    public String areaCode() {
        return areaCode;
    }

    /** The number in the format XXX-XXXX, like 538-7319. */
    public String number() {
        return number;
    }

    /** The E.164 form Twilio uses, like +14045387319. */
    public String e164() {
        return e164;
    }

    /** As the Texts list shows it: 404-538-7319. */
    public String display() {
        return areaCode + "-" + number;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CellNumber cell && cell.e164.equals(e164);
    }

    @Override
    public int hashCode() {
        return e164.hashCode();
    }

    /** Never the whole number: a cell number is personal data and must not end up in logs. */
    @Override
    public String toString() {
        return "CellNumber[***-***-**" + e164.substring(e164.length() - 2) + "]";
    }

    private static CellNumber fromTenDigits(String digits) {
        String areaCode = digits.substring(0, 3);
        String exchange = digits.substring(3, 6);
        if (!isNanpCode(areaCode)) {
            throw new FieldRuleException(AREA_CODE_FIELD, "cell.areaCode.notUs", areaCode);
        }
        String display = areaCode + "-" + exchange + "-" + digits.substring(6);
        PhoneNumber phoneNumber;
        try {
            phoneNumber = PHONE_NUMBERS.parse("+1" + digits, REGION);
        } catch (NumberParseException unreadable) {
            throw new FieldRuleException(NUMBER_FIELD, "cell.notUs", display);
        }
        // libphonenumber accepts N11 exchanges (404-911-1234); the NANP never assigns them.
        if (!PHONE_NUMBERS.isValidNumberForRegion(phoneNumber, REGION) || !isNanpCode(exchange)) {
            throw new FieldRuleException(NUMBER_FIELD, "cell.notUs", display);
        }
        return new CellNumber(areaCode, exchange + "-" + digits.substring(6),
                PHONE_NUMBERS.format(phoneNumber, PhoneNumberFormat.E164));
    }

    /** An area code or exchange: NXX, with N from 2 to 9, and not N11 (211, 411, 911...). */
    private static boolean isNanpCode(String code) {
        return code.charAt(0) >= '2' && !(code.charAt(1) == '1' && code.charAt(2) == '1');
    }

    /** The ten digits of a whole US number typed in one piece (a leading country code 1 dropped). */
    private static Optional<String> wholeNumberDigits(String text) {
        if (!PHONE_TEXT.matcher(text).matches()) {
            return Optional.empty();
        }
        String digits = digitsOf(text);
        if (digits.length() == 11 && digits.charAt(0) == '1') {
            return Optional.of(digits.substring(1));
        }
        if (digits.length() == 10 && !text.contains("+")) {
            return Optional.of(digits);
        }
        return Optional.empty();
    }

    private static String digitsOf(String text) {
        return text.replaceAll("[^0-9]", "");
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
