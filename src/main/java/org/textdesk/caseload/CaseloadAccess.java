package org.textdesk.caseload;

import org.springframework.stereotype.Component;
import org.textdesk.client.ClientAccess;
import org.textdesk.coverage.CoverageOpens;
import org.textdesk.staff.StaffPrincipal;

/** Who may see a client and its texts (client's port), and the record of opens through coverage. */
@Component
class CaseloadAccess implements ClientAccess {

    private final CoverageOpens coverageOpens;

    CaseloadAccess(CoverageOpens coverageOpens) {
        this.coverageOpens = coverageOpens;
    }

    @Override
    public void opened(StaffPrincipal viewer, long clientId, Opening what) {
        coverageOpens.recordIfCovering(viewer.id(), clientId, CoverageOpens.Opened.valueOf(what.name()));
    }
}
