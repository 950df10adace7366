package org.textdesk.sandbox.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.textdesk.sandbox.SandboxAccount;

/** The sandbox's resources shaped as Twilio's (twilio_api_v2010.json and twilio_messaging_v1.json). */
public final class TwilioJson {

    /** Twilio's dates: Wed, 02 Dec 2026 09:47:12 +0000. */
    static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
            .withZone(ZoneOffset.UTC);
    static final String API = "/" + SandboxAccount.API_VERSION;
    /** When the sandbox's account and Messaging Service were "created". */
    private static final Instant CREATED = Instant.parse("2016-08-17T14:30:55Z");

    private TwilioJson() {
    }

    static String accountUri(String accountSid) {
        return API + "/Accounts/" + accountSid;
    }

    static String messageUri(String accountSid, String messageSid) {
        return accountUri(accountSid) + "/Messages/" + messageSid;
    }

    /** The address of a picture's content, as in MediaUrl0 (relative to the API's base address). */
    public static String mediaUri(String accountSid, String messageSid, String mediaSid) {
        return messageUri(accountSid, messageSid) + "/Media/" + mediaSid;
    }

    static Map<String, Object> account(String authToken) {
        String uri = accountUri(SandboxAccount.ACCOUNT_SID);
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("auth_token", authToken);
        account.put("date_created", date(CREATED));
        account.put("date_updated", date(CREATED));
        account.put("friendly_name", SandboxAccount.FRIENDLY_NAME);
        account.put("owner_account_sid", SandboxAccount.ACCOUNT_SID);
        account.put("sid", SandboxAccount.ACCOUNT_SID);
        account.put("status", "active");
        account.put("subresource_uris", Map.of("messages", uri + "/Messages.json"));
        account.put("type", "Full");
        account.put("uri", uri + ".json");
        return account;
    }

    static Map<String, Object> message(SandboxMessage message) {
        String uri = messageUri(message.accountSid(), message.sid());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", message.accountSid());
        json.put("api_version", SandboxAccount.API_VERSION);
        json.put("body", message.body());
        json.put("date_created", date(message.dateCreated()));
        json.put("date_sent", date(message.dateSent()));
        json.put("date_updated", date(message.dateUpdated()));
        json.put("direction", message.direction());
        json.put("error_code", message.errorCode());
        json.put("error_message", null);
        json.put("from", message.from());
        json.put("messaging_service_sid", message.messagingServiceSid());
        json.put("num_media", message.hasMedia() ? "1" : "0");
        json.put("num_segments", String.valueOf(message.numSegments()));
        json.put("price", null);
        json.put("price_unit", "USD");
        json.put("sid", message.sid());
        json.put("status", message.status());
        json.put("subresource_uris", Map.of("media", uri + "/Media.json"));
        json.put("to", message.to());
        json.put("uri", uri + ".json");
        return json;
    }

    static Map<String, Object> media(SandboxMessage message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", message.accountSid());
        json.put("content_type", message.mediaContentType());
        json.put("date_created", date(message.dateCreated()));
        json.put("date_updated", date(message.dateCreated()));
        json.put("parent_sid", message.sid());
        json.put("sid", message.mediaSid());
        json.put("uri", mediaUri(message.accountSid(), message.sid(), message.mediaSid()) + ".json");
        return json;
    }

    /** A page of a list, Twilio's way: the items under {@code key} and the page's addresses. */
    static Map<String, Object> page(String key, List<Map<String, Object>> items, String uri, int page, int pageSize,
            String nextPageUri) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("end", page * pageSize + Math.max(0, items.size() - 1));
        json.put("first_page_uri", uri);
        json.put(key, items);
        json.put("next_page_uri", nextPageUri);
        json.put("page", page);
        json.put("page_size", pageSize);
        json.put("previous_page_uri", null);
        json.put("start", page * pageSize);
        json.put("uri", uri);
        return json;
    }

    /** The sandbox service's Sender Pool as Twilio's Messaging API lists it: one page with the sandbox's number. */
    static Map<String, Object> senderPool() {
        String url = "https://messaging.twilio.com/v1/Services/" + SandboxAccount.MESSAGING_SERVICE_SID + "/PhoneNumbers";
        Map<String, Object> number = new LinkedHashMap<>();
        number.put("sid", "PN" + SandboxAccount.ACCOUNT_SID.substring(2));
        number.put("account_sid", SandboxAccount.ACCOUNT_SID);
        number.put("service_sid", SandboxAccount.MESSAGING_SERVICE_SID);
        number.put("date_created", Instant.from(CREATED).toString());
        number.put("date_updated", Instant.from(CREATED).toString());
        number.put("phone_number", SandboxAccount.TWILIO_NUMBER);
        number.put("country_code", "US");
        number.put("capabilities", List.of("SMS", "MMS"));
        number.put("url", url + "/" + number.get("sid"));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("page", 0);
        meta.put("page_size", 50);
        meta.put("first_page_url", url + "?PageSize=50&Page=0");
        meta.put("previous_page_url", null);
        meta.put("next_page_url", null);
        meta.put("key", "phone_numbers");
        meta.put("url", url + "?PageSize=50&Page=0");
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("meta", meta);
        page.put("phone_numbers", List.of(number));
        return page;
    }

    static Map<String, Object> messagingService(String statusCallback) {
        String url = "https://messaging.twilio.com/v1/Services/" + SandboxAccount.MESSAGING_SERVICE_SID;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sid", SandboxAccount.MESSAGING_SERVICE_SID);
        json.put("account_sid", SandboxAccount.ACCOUNT_SID);
        json.put("friendly_name", SandboxAccount.FRIENDLY_NAME);
        json.put("date_created", Instant.from(CREATED).toString());
        json.put("date_updated", Instant.from(CREATED).toString());
        json.put("inbound_request_url", null);
        json.put("inbound_method", "POST");
        json.put("fallback_url", null);
        json.put("fallback_method", "POST");
        json.put("status_callback", statusCallback);
        json.put("sticky_sender", true);
        json.put("mms_converter", true);
        json.put("smart_encoding", true);
        json.put("scan_message_content", "inherit");
        json.put("fallback_to_long_code", false);
        json.put("area_code_geomatch", true);
        json.put("synchronous_validation", true);
        json.put("validity_period", 14400);
        json.put("url", url);
        json.put("links", Map.of("phone_numbers", url + "/PhoneNumbers"));
        json.put("usecase", "notifications");
        json.put("us_app_to_person_registered", false);
        json.put("use_inbound_webhook_on_number", true);
        return json;
    }

    /** Twilio's error answer. */
    static Map<String, Object> error(int status, int code, String message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", code);
        json.put("message", message);
        json.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        json.put("status", status);
        return json;
    }

    static String date(Instant instant) {
        return instant == null ? null : RFC_2822.format(instant);
    }
}
