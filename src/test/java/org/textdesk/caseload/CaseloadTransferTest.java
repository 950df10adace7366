package org.textdesk.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.textdesk.caseload.CaseloadTransfer.Actor;
import org.textdesk.caseload.CaseloadTransfer.Candidate;
import org.textdesk.caseload.CaseloadTransfer.Refusal;

class CaseloadTransferTest {

    private static final Actor CASEY = new Actor(1, false);
    private static final Actor ADMIN = new Actor(9, true);
    private static final Candidate ROBIN = new Candidate(2, true);
    private static final Candidate CASEY_AS_TARGET = new Candidate(1, true);
    private static final Candidate GONE = new Candidate(3, false);

    @Test
    void theCaseworkerMovesTheirOwnClientToAnActiveColleague() {
        assertThat(CaseloadTransfer.refusalOfOne(1L, ROBIN, CASEY)).isEmpty();
        assertThat(CaseloadTransfer.mayTransfer(1L, CASEY)).isTrue();
    }

    @Test
    void aCaseworkerMayNotMoveSomeoneElsesClientNorClaimIt() {
        assertThat(CaseloadTransfer.refusalOfOne(2L, CASEY_AS_TARGET, CASEY)).contains(Refusal.NOT_YOURS);
        assertThat(CaseloadTransfer.refusalOfOne(2L, new Candidate(4, true), CASEY)).contains(Refusal.NOT_YOURS);
        assertThat(CaseloadTransfer.mayTransfer(2L, CASEY)).isFalse();
        assertThat(CaseloadTransfer.mayClaim(2L, CASEY)).isFalse();
        assertThat(Refusal.NOT_YOURS.forbidden()).isTrue();
    }

    @Test
    void anUnassignedClientIsClaimedForOneselfOnly() {
        assertThat(CaseloadTransfer.mayClaim(null, CASEY)).isTrue();
        assertThat(CaseloadTransfer.refusalOfOne(null, CASEY_AS_TARGET, CASEY)).isEmpty();
        assertThat(CaseloadTransfer.refusalOfOne(null, ROBIN, CASEY)).contains(Refusal.NOT_YOURS);
        assertThat(CaseloadTransfer.refusalOfOne(null, null, CASEY)).contains(Refusal.NOT_YOURS);
        assertThat(CaseloadTransfer.mayTransfer(null, CASEY)).isFalse();
    }

    @Test
    void anAdminMovesAndClaimsAnyClient() {
        assertThat(CaseloadTransfer.refusalOfOne(1L, ROBIN, ADMIN)).isEmpty();
        assertThat(CaseloadTransfer.refusalOfOne(null, ROBIN, ADMIN)).isEmpty();
        assertThat(CaseloadTransfer.mayClaim(1L, ADMIN)).isTrue();
        assertThat(CaseloadTransfer.mayTransfer(1L, ADMIN)).isTrue();
    }

    @Test
    void theNewCaseworkerMustExistBeEnabledAndBeSomeoneElse() {
        assertThat(CaseloadTransfer.refusalOfOne(1L, null, CASEY)).contains(Refusal.UNKNOWN_STAFF);
        assertThat(CaseloadTransfer.refusalOfOne(1L, GONE, CASEY)).contains(Refusal.DISABLED_STAFF);
        assertThat(CaseloadTransfer.refusalOfOne(1L, CASEY_AS_TARGET, CASEY)).contains(Refusal.ALREADY_THEIRS);
        assertThat(CaseloadTransfer.refusalOfOne(2L, ROBIN, ADMIN)).contains(Refusal.ALREADY_THEIRS);
        assertThat(Refusal.UNKNOWN_STAFF.forbidden()).isFalse();
        assertThat(Refusal.DISABLED_STAFF.messageKey()).isEqualTo("caseload.transfer.disabledStaff");
    }

    @Test
    void allOfACaseworkersClientsMoveOnlyByAnAdminToAnotherActivePerson() {
        assertThat(CaseloadTransfer.refusalOfAll(GONE, ROBIN, ADMIN)).isEmpty();
        assertThat(CaseloadTransfer.refusalOfAll(GONE, ROBIN, CASEY)).contains(Refusal.NOT_YOURS);
        assertThat(CaseloadTransfer.refusalOfAll(null, ROBIN, ADMIN)).contains(Refusal.UNKNOWN_STAFF);
        assertThat(CaseloadTransfer.refusalOfAll(ROBIN, new Candidate(2, true), ADMIN)).contains(Refusal.SAME_STAFF);
        assertThat(CaseloadTransfer.refusalOfAll(ROBIN, null, ADMIN)).contains(Refusal.UNKNOWN_STAFF);
        assertThat(CaseloadTransfer.refusalOfAll(ROBIN, GONE, ADMIN)).contains(Refusal.DISABLED_STAFF);
        assertThat(CaseloadTransfer.refusalOfAll(ROBIN, CASEY_AS_TARGET, ADMIN)).isEqualTo(Optional.empty());
    }
}
