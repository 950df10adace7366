package org.textdesk.texts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One row of src/test/resources/sms-length-cases.json: the table both the Java rule and the browser
 * counter are tested against.
 */
public record SmsLengthCase(String name, String text, Integer repeat, String normalized, String encoding, int used,
        int limit, boolean fits, Integer cutUsed, String cutEncoding, String firstNonGsm) {

    public static List<SmsLengthCase> all() {
        try (InputStream json = SmsLengthCase.class.getResourceAsStream("/sms-length-cases.json")) {
            return JsonMapper.builder().build().readValue(json, new TypeReference<List<SmsLengthCase>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String typed() {
        return text.repeat(repeat == null ? 1 : repeat);
    }

    @Override
    public String toString() {
        return name;
    }
}
