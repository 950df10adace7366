package org.textdesk.staff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.textdesk.IntegrationTest;

/** Sessions live in PostgreSQL; requests of one session may run at once. */
class SessionStoreTest extends IntegrationTest {

    @Autowired
    JdbcIndexedSessionRepository sessions;

    @Test
    void twoRequestsOfOneSessionAddingTheSameAttributeAtOnceBothSucceedAndTheLastWins() {
        twoRequestsAddTheSameAttribute(sessions);
    }

    private static <S extends Session> void twoRequestsAddTheSameAttribute(SessionRepository<S> sessions) {
        S created = sessions.createSession();
        created.setAttribute("staff", "casey");
        sessions.save(created);

        // Both requests loaded the session before either saved: both see the attribute as new.
        S firstRequest = sessions.findById(created.getId());
        S secondRequest = sessions.findById(created.getId());
        firstRequest.setAttribute("flash", "Text sent to Jordan");
        secondRequest.setAttribute("flash", "Text sent to Maria");
        sessions.save(firstRequest);
        sessions.save(secondRequest);

        S after = sessions.findById(created.getId());
        assertThat((String) after.getAttribute("flash")).isEqualTo("Text sent to Maria");
        assertThat((String) after.getAttribute("staff")).isEqualTo("casey");
    }
}
