package org.textdesk.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scope of restricted caseloads as a rule and as SQL, without a database (in the mutation profile). */
class ClientAccessScopeTest {

    @Test
    void everyClientIncludesEveryCaseworkerAndNoCaseworker() {
        assertThat(ClientAccess.Scope.EVERY_CLIENT.includes(7L)).isTrue();
        assertThat(ClientAccess.Scope.EVERY_CLIENT.includes(null)).isTrue();
        assertThat(ClientAccess.Scope.EVERY_CLIENT.sqlOn("c.caseworker_id")).isEqualTo("true");
    }

    @Test
    void aCaseloadIncludesOnlyItsCaseworkersAndNeverAClientWithoutOne() {
        ClientAccess.Scope scope = new ClientAccess.Scope(false, Set.of(12L, 3L));
        assertThat(scope.includes(3L)).isTrue();
        assertThat(scope.includes(12L)).isTrue();
        assertThat(scope.includes(4L)).isFalse();
        assertThat(scope.includes(null)).isFalse();
        assertThat(scope.sqlOn("c.caseworker_id")).isEqualTo("c.caseworker_id in (3, 12)");
    }

    @Test
    void theScopeKeepsItsOwnCopy() {
        java.util.Set<Long> ids = new java.util.HashSet<>(Set.of(5L));
        ClientAccess.Scope scope = new ClientAccess.Scope(false, ids);
        ids.add(6L);
        assertThat(scope.includes(6L)).isFalse();
    }
}
