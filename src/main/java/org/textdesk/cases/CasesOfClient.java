package org.textdesk.cases;

import java.util.List;
import org.springframework.stereotype.Component;
import org.textdesk.client.ClientCases;

/** The client record's Cases table, from {@link CaseService}. */
@Component
class CasesOfClient implements ClientCases {

    private final CaseService caseService;

    CasesOfClient(CaseService caseService) {
        this.caseService = caseService;
    }

    @Override
    public List<CaseLine> casesOf(long clientId) {
        return caseService.casesOfClient(clientId).stream()
                .map(caseRecord -> new CaseLine(caseRecord.getId(), caseRecord.getCaseNumber(), caseRecord.getTitle(),
                        caseRecord.getOpenedOn(), caseRecord.getClosedOn()))
                .toList();
    }
}
