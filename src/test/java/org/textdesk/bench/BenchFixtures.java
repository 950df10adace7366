package org.textdesk.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.textdesk.FakeTwilio;

/**
 * What every scenario shares: the Twilio account the app is set up with, the Twilio fake, and the app starts,
 * each recorded for the startup list at the end of results.md.
 */
final class BenchFixtures {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "9e1c0a7b3d5f42a8b6c4e2f0a1b3c5d7";
    static final String TWILIO_NUMBER = "+14044764365";
    static final String TEXT_RESPONSE = "Sorry. We do not respond to texts. Please call our office.";

    static final FakeTwilio FAKE = FakeTwilio.instance();
    static final List<String> STARTUPS = Collections.synchronizedList(new ArrayList<>());

    private BenchFixtures() {
    }

    static BenchApp startApp(String name, String database, List<String> jvmOptions) throws Exception {
        return startApp(name, database, jvmOptions, null);
    }

    static BenchApp startApp(String name, String database, List<String> jvmOptions, Path dataDir) throws Exception {
        return startApp(name, database, jvmOptions, dataDir, BenchApp.jar());
    }

    static BenchApp startApp(String name, String database, List<String> jvmOptions, Path dataDir, Path jar)
            throws Exception {
        String load = Load.loadAverage();
        BenchApp app = BenchApp.start(name, database, FAKE.baseUrl(), dataDir, jvmOptions, jar);
        STARTUPS.add(String.format(Locale.ROOT, "%s: %s, ready (health UP) in %d ms, RSS at ready %d MiB, JVM options %s,"
                + " load average before start %s", name, database == null ? "embedded default (H2)" : "PostgreSQL",
                app.readyMillis(), app.rssMiB(), jvmOptions.isEmpty() ? "(defaults)" : String.join(" ", jvmOptions),
                load));
        System.out.println("started " + app + " in " + app.readyMillis() + " ms");
        return app;
    }

    /** Twilio Setup through the app: the admin logs in and saves the form, as a person would. */
    static void configureTwilio(BenchApp app) throws Exception {
        FAKE.reset();
        FAKE.acceptCredentials(ACCOUNT_SID, AUTH_TOKEN);
        WebSession admin = WebSession.loggedIn(app.baseUrl(), BenchApp.ADMIN_USERNAME, BenchApp.ADMIN_PASSWORD);
        String page = admin.get("/admin/twilio").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", WebSession.field(page, "_csrf"));
        form.put("version", WebSession.field(page, "version"));
        form.put("enabled", "true");
        form.put("accountSid", ACCOUNT_SID);
        form.put("authToken", AUTH_TOKEN);
        form.put("statusCallback", app.baseUrl() + "/twilio/status");
        form.put("twilioNumber", "404-476-4365");
        form.put("textResponse", TEXT_RESPONSE);
        form.put("callResponse", "Thank you for calling.");
        HttpResponse<String> saved = admin.post("/admin/twilio", form);
        if (saved.statusCode() != 302) {
            throw new IllegalStateException("Twilio Setup not saved: " + saved.statusCode() + "\n" + saved.body());
        }
    }

    /**
     * A webhook signed as Twilio signs it, with the Auth Token {@link #configureTwilio} saves; the fields as
     * name, value, name, value, ..., posted in that order.
     */
    static WebhookPoster.SignedPost signedWebhook(String url, String... namesAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return WebhookPoster.sign(url, AUTH_TOKEN, params);
    }

    /** Prefix + 32 digits, as the seeding SQL writes them ({@code lpad(g, 32, '0')}), so webhooks find seeded texts. */
    static String sid(String prefix, int n) {
        return prefix + String.format(Locale.ROOT, "%032d", n);
    }
}
