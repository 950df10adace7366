package org.textdesk.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.client.Client;
import org.textdesk.client.ClientService;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.NotFoundException;

/** Clients' cases. The Send Text form lists a client's cases for its Case #. */
@Service
public class CaseService {

    private static final Logger log = LoggerFactory.getLogger(CaseService.class);

    private final CaseRepository caseRepository;
    private final ClientService clientService;
    private final Clock clock;
    private final ZoneId timeZone;

    CaseService(CaseRepository caseRepository, ClientService clientService, Clock clock,
            @Value("${textdesk.time-zone}") ZoneId timeZone) {
        this.caseRepository = caseRepository;
        this.clientService = clientService;
        this.clock = clock;
        this.timeZone = timeZone;
    }

    /** The client's cases, the most recently opened first. */
    @Transactional(readOnly = true)
    public List<CaseRecord> casesOfClient(long clientId) {
        return caseRepository.findByClientIdOrderByOpenedOnDescCaseNumberAsc(clientId);
    }

    /** The case, or a {@link NotFoundException} (the friendly 404 page). */
    @Transactional(readOnly = true)
    public CaseRecord findCase(long caseId) {
        return caseRepository.findById(caseId).orElseThrow(() -> new NotFoundException("case", caseId));
    }

    /** A case and its client, for the case page. */
    @Transactional(readOnly = true)
    CaseWithClient caseWithClient(long caseId) {
        CaseRecord caseRecord = findCase(caseId);
        return new CaseWithClient(caseRecord, clientService.findClient(caseRecord.getClientId()));
    }

    record CaseWithClient(CaseRecord caseRecord, Client client) {
    }

    /** Today in the organisation's time zone: the date a new case is opened on unless staff say otherwise. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(timeZone));
    }

    /**
     * Opens a case for a client.
     *
     * @throws FieldRuleException beside the field whose value breaks a rule (a case number taken,
     *     a closed date before the opened date); nothing is written then
     */
    @Transactional
    public CaseRecord openCase(long clientId, String caseNumber, String title, LocalDate openedOn,
            LocalDate closedOn) {
        clientService.findClient(clientId);
        CaseRecord caseRecord = new CaseRecord(clientId, caseNumber, title, openedOn, closedOn);
        if (caseRepository.existsByCaseNumber(caseRecord.getCaseNumber())) {
            throw caseNumberTaken();
        }
        try {
            caseRepository.saveAndFlush(caseRecord);
        } catch (DataIntegrityViolationException raceWithAnotherSave) {
            throw caseNumberTaken();
        }
        log.info("Case {} opened for client {}", caseRecord.getId(), clientId);
        return caseRecord;
    }

    /**
     * Saves changes to a case loaded at {@code expectedVersion}.
     *
     * @throws CaseChangedException when someone else saved the case since; nothing is written then
     * @throws FieldRuleException beside the field whose value breaks a rule; nothing is written then
     */
    @Transactional
    CaseRecord updateCase(long caseId, long expectedVersion, String typedCaseNumber, String title, LocalDate openedOn,
            LocalDate closedOn) {
        CaseRecord caseRecord = findCase(caseId);
        if (caseRecord.getVersion() != expectedVersion) {
            throw new CaseChangedException(caseId);
        }
        String caseNumber = CaseRecord.caseNumberOf(typedCaseNumber);
        if (caseRepository.existsByCaseNumberAndIdNot(caseNumber, caseId)) {
            throw caseNumberTaken();
        }
        caseRecord.change(caseNumber, title, openedOn, closedOn);
        try {
            caseRepository.saveAndFlush(caseRecord);
        } catch (OptimisticLockingFailureException savedMeanwhile) {
            throw new CaseChangedException(caseId);
        } catch (DataIntegrityViolationException raceWithAnotherSave) {
            throw caseNumberTaken();
        }
        log.info("Case {} changed", caseId);
        return caseRecord;
    }

    private static FieldRuleException caseNumberTaken() {
        return new FieldRuleException("caseNumber", "case.caseNumber.taken");
    }
}
