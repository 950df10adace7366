package org.textdesk.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseRepository extends JpaRepository<CaseRecord, Long> {

    List<CaseRecord> findByClientIdOrderByOpenedOnDescCaseNumberAsc(long clientId);

    boolean existsByCaseNumber(String caseNumber);

    boolean existsByCaseNumberAndIdNot(String caseNumber, long id);
}
