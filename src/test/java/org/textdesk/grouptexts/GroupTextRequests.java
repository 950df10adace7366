package org.textdesk.grouptexts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.textdesk.staff.Staff;
import org.textdesk.staff.StaffPrincipal;

/** The group text form as a browser posts it: preview, then confirm with what the preview showed. */
final class GroupTextRequests {

    private static final Pattern FINGERPRINT = Pattern.compile("name=\"fingerprint\" value=\"([0-9a-f]{32})\"");
    private static final Pattern SEND_COUNT = Pattern.compile("Send to (\\d+) client");

    private GroupTextRequests() {
    }

    static MvcTestResult preview(MockMvcTester mvc, Staff staff, String filter, String body) {
        return mvc.perform(post("/group-texts/preview", staff, "filter", filter, "body", body,
                "sendKey", UUID.randomUUID().toString()));
    }

    /** Previews, then confirms with the preview's fingerprint and count. */
    static MvcTestResult send(MockMvcTester mvc, Staff staff, String filter, String body) {
        MvcTestResult preview = preview(mvc, staff, filter, body);
        Matcher count = SEND_COUNT.matcher(contentOf(preview));
        assertThat(count.find()).as("the preview offers to send").isTrue();
        return mvc.perform(post("/group-texts", staff, "filter", filter, "body", body,
                "sendKey", UUID.randomUUID().toString(), "fingerprint", fingerprintOf(preview),
                "previewedCount", count.group(1)));
    }

    static String fingerprintOf(MvcTestResult page) {
        Matcher matcher = FINGERPRINT.matcher(contentOf(page));
        assertThat(matcher.find()).as("the preview's fingerprint").isTrue();
        return matcher.group(1);
    }

    static String contentOf(MvcTestResult page) {
        try {
            return page.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The group a send redirected to. */
    static long groupId(MvcTestResult sent) {
        String location = sent.getResponse().getRedirectedUrl();
        assertThat(location).as("redirected to the group").startsWith("/group-texts/");
        return Long.parseLong(location.substring("/group-texts/".length()));
    }

    static MockHttpServletRequestBuilder get(String uri, Staff staff) {
        return MockMvcRequestBuilders.get(uri).with(user(StaffPrincipal.of(staff)));
    }

    static MockHttpServletRequestBuilder post(String uri, Staff staff, String... params) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(uri).with(user(StaffPrincipal.of(staff)))
                .with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request;
    }
}
