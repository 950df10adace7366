package org.textdesk.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.HttpVisitor;
import org.textdesk.IntegrationTest;
import org.textdesk.SecondInstance;
import org.textdesk.staff.Staff;

/**
 * Thirty password guesses for one account sent at the same moment over real HTTP, half to each of two
 * instances on one database: no more than five passwords are checked (the answers say which were: "/" for the
 * right password, "/login?error" for a wrong one; "/login?locked" was refused without looking at it).
 */
class ParallelLoginGuessesTest extends IntegrationTest {

    private static final int GUESSES = 30;

    @Autowired
    DataSource dataSource;

    @Test
    void thirtyWrongGuessesAtOnceOnTwoInstancesGetFivePasswordsChecked() throws Exception {
        Staff casey = newCaseworker();
        List<String> answers = guessAtOnce(casey.getUsername(), -1);

        assertThat(answers).filteredOn(a -> a.endsWith("/login?error")).hasSize(5);
        // The rest were refused unchecked: as locked, or (on a machine too busy for the second instance's pool of
        // four connections) with a 503.
        assertThat(answers).filteredOn(a -> !a.endsWith("/login?error"))
                .allSatisfy(a -> assertThat(a).matches(".*/login\\?locked|status 503"));
        assertThat(jdbc.queryForObject("select count(*) from login_failures where username = ?", Integer.class,
                casey.getUsername())).isEqualTo(5);
    }

    @Test
    void theRightPasswordAmongThirtyGuessesAtOnceStillLetsNoMoreThanFivePasswordsBeChecked() throws Exception {
        Staff casey = newCaseworker();
        List<String> answers = guessAtOnce(casey.getUsername(), 17);

        long checked = answers.stream().filter(a -> a.endsWith("/login?error") || a.matches("http://localhost:\\d+/"))
                .count();
        assertThat(checked).isLessThanOrEqualTo(5);
        assertThat(answers).filteredOn(a -> !a.endsWith("/login?error") && !a.matches("http://localhost:\\d+/"))
                .allSatisfy(a -> assertThat(a).matches(".*/login\\?locked|status 503"));
    }

    /** Every guess logs in from its own session; the one at {@code rightAt} (if any) has the right password. */
    private List<String> guessAtOnce(String username, int rightAt) throws Exception {
        String second = SecondInstance.shared(dataSource, TEST_ENCRYPTION_KEY, fakeTwilio.baseUrl()).baseUrl();
        List<HttpVisitor> guessers = new ArrayList<>();
        List<String> loginPages = new ArrayList<>();
        for (int i = 0; i < GUESSES; i++) {
            HttpVisitor guesser = new HttpVisitor(i % 2 == 0 ? baseUrl() : second);
            loginPages.add(guesser.get("/login").body());
            guessers.add(guesser);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(GUESSES);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < GUESSES; i++) {
                int n = i;
                sent.add(threads.submit(() -> {
                    start.await();
                    return guessers.get(n).post("/login", loginPages.get(n), Map.of("username", username,
                            "password", n == rightAt ? STAFF_PASSWORD : "wrong guess " + n));
                }));
            }
            start.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : sent) {
                HttpResponse<String> response = answer.get();
                answers.add(response.headers().firstValue("Location").orElse("status " + response.statusCode()));
            }
            long checked = answers.stream().filter(a -> a.endsWith("/login?error") || a.matches("http://localhost:\\d+/"))
                    .count();
            System.out.printf("Parallel login guesses: %d sent at once to two instances, %d passwords checked, "
                    + "%d refused unchecked (answers: %s)%n", GUESSES, checked, GUESSES - checked,
                    answers.stream().collect(java.util.stream.Collectors.groupingBy(a -> a.replaceAll(":\\d+", ":port"),
                            java.util.stream.Collectors.counting())));
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}
