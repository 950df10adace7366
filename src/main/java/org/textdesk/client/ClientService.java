package org.textdesk.client;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.language.Languages;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.NotFoundException;

/**
 * Client records and their consent to be texted. Other features call the public methods: the Send
 * Text form and the Texts list read clients; the webhooks find clients by an incoming number and
 * record keyword and Twilio-error consent changes.
 */
@Service
public class ClientService {

    private static final Logger log = LoggerFactory.getLogger(ClientService.class);

    private final ClientRepository clientRepository;
    private final ClientSearchQuery clientSearchQuery;
    private final ConsentEventRepository consentEventRepository;
    private final Languages languages;
    private final Clock clock;
    private final ZoneId timeZone;
    private final ApplicationEventPublisher events;

    ClientService(ClientRepository clientRepository, ClientSearchQuery clientSearchQuery,
            ConsentEventRepository consentEventRepository, Languages languages, Clock clock,
            @Value("${textdesk.time-zone}") ZoneId timeZone, ApplicationEventPublisher events) {
        this.languages = languages;
        this.events = events;
        this.clientRepository = clientRepository;
        this.clientSearchQuery = clientSearchQuery;
        this.consentEventRepository = consentEventRepository;
        this.clock = clock;
        this.timeZone = timeZone;
    }

    /** The client, or a {@link NotFoundException} (the friendly 404 page). */
    @Transactional(readOnly = true)
    public Client findClient(long id) {
        return clientRepository.findById(id).orElseThrow(() -> new NotFoundException("client", id));
    }

    /**
     * Every client whose cell is this E.164 number (+14045387319), sorted by name; empty for a number
     * that is not a valid US number. Family members may share a number, so there can be several.
     */
    @Transactional(readOnly = true)
    public List<Client> findClientsByCell(String e164) {
        return CellNumber.fromE164(e164)
                .map(cell -> clientRepository.findByCellE164OrderByLastNameAscFirstNameAscIdAsc(cell.e164()))
                .orElse(List.of());
    }

    /**
     * A keyword texted from this number (STOP, START...): Okay to Text becomes {@code okayToText} for
     * every client with that cell whose box differs, each change a KEYWORD consent event with the
     * keyword as its detail. Returns how many clients changed.
     */
    @Transactional
    public int recordKeywordConsent(String e164, boolean okayToText, String keyword) {
        Optional<CellNumber> cell = CellNumber.fromE164(e164);
        if (cell.isEmpty()) {
            return 0;
        }
        String detail = keyword == null ? null : keyword.strip().toUpperCase(Locale.ROOT);
        Instant now = clock.instant();
        int changed = 0;
        for (Client client : clientRepository.lockByCellE164(cell.get().e164())) {
            Optional<ConsentEvent> event = client.changeOkayToText(okayToText, ConsentSource.KEYWORD, detail, null,
                    now);
            if (event.isPresent()) {
                consentEventRepository.save(event.get());
                changed++;
                log.info("Okay to Text of client {} set to {} by a texted keyword", client.getId(), okayToText);
            }
        }
        return changed;
    }

    /**
     * Twilio refused a text to this client because the number opted out (error 21610): Okay to Text is
     * unticked, a TWILIO_ERROR consent event with the error code as its detail. Nothing happens when it
     * was already unticked.
     */
    @Transactional
    public void withdrawConsentAfterTwilioError(long clientId, String errorCode) {
        Client client = clientRepository.lockById(clientId).orElseThrow(() -> new NotFoundException("client",
                clientId));
        client.changeOkayToText(false, ConsentSource.TWILIO_ERROR, errorCode, null, clock.instant())
                .ifPresent(event -> {
                    consentEventRepository.save(event);
                    log.info("Okay to Text of client {} unticked after Twilio error {}", clientId, errorCode);
                });
    }

    /**
     * One page (counted from 1; past the end, the last page) of the clients matching the search box, by
     * last name then first name: a count and a page, two statements whatever the number of clients.
     */
    @Transactional(readOnly = true)
    Page<Client> searchClients(String query, int pageNumber) {
        return searchClients(query, null, ClientAccess.Scope.EVERY_CLIENT, pageNumber);
    }

    /**
     * As {@link #searchClients(String, int)}, among one caseworker's clients when {@code caseworkerId} is set, and
     * among the clients of the scope (restricted caseloads).
     */
    @Transactional(readOnly = true)
    Page<Client> searchClients(String query, Long caseworkerId, ClientAccess.Scope scope, int pageNumber) {
        ClientSearch search = ClientSearch.of(query);
        long total = clientSearchQuery.count(search, caseworkerId, scope);
        int lastPage = (int) Math.max(1, (total + ClientSearch.PAGE_SIZE - 1) / ClientSearch.PAGE_SIZE);
        // A page past the end (an old link after clients matched fewer): the last page instead.
        int number = Math.min(Math.max(1, pageNumber), lastPage);
        List<Client> clients = total == 0 ? List.of()
                : clientSearchQuery.find(search, caseworkerId, scope, (long) (number - 1) * ClientSearch.PAGE_SIZE,
                        ClientSearch.PAGE_SIZE);
        return new PageImpl<>(clients, PageRequest.of(number - 1, ClientSearch.PAGE_SIZE), total);
    }

    /**
     * At most {@code limit} clients matching a search as the Clients list's box reads it (a name, a cell
     * number, a case number), by last name then first name; none for an empty search. For other features'
     * client pickers, such as attaching an incoming text to a client.
     */
    @Transactional(readOnly = true)
    public List<Client> findClientsMatching(String query, int limit) {
        return findClientsMatching(query, ClientAccess.Scope.EVERY_CLIENT, limit);
    }

    /** As {@link #findClientsMatching(String, int)}, among the clients of the scope (restricted caseloads). */
    @Transactional(readOnly = true)
    public List<Client> findClientsMatching(String query, ClientAccess.Scope scope, int limit) {
        ClientSearch search = ClientSearch.of(query);
        return search.isEmpty() ? List.of() : clientSearchQuery.find(search, null, scope, 0, limit);
    }

    /** The client's changes of Okay to Text, newest first, with times in the organisation's time zone. */
    @Transactional(readOnly = true)
    List<ConsentHistoryRow> consentHistory(long clientId) {
        return consentEventRepository.historyOf(clientId).stream()
                .map(row -> new ConsentHistoryRow(row.occurredAt().atZone(timeZone), row.okayToText(), row.source(),
                        row.detail(), CellNumber.displayOfE164(row.phoneE164()), row.staffName()))
                .toList();
    }

    /**
     * Adds a client. Okay to Text ticked here is the client's first consent event.
     *
     * @throws FieldRuleException beside the field whose value breaks a rule; nothing is written then
     */
    @Transactional
    Client createClient(ClientDetails details, StaffPrincipal actor) {
        Optional<CellNumber> cell = CellNumber.parseOptional(details.cellAreaCode(), details.cellNumber());
        long languageId = checkedLanguage(details.languageId(), Languages.ENGLISH_ID);
        Instant now = clock.instant();
        Client client = new Client(details.firstName(), details.lastName(), cell, details.safe(), languageId, now);
        Optional<ConsentEvent> consent = client.changeOkayToText(details.okayToText(), ConsentSource.STAFF, null,
                actor.id(), now);
        client.assignOnCreation(actor.id());
        clientRepository.save(client);
        consent.ifPresent(consentEventRepository::save);
        events.publishEvent(new ClientCaseload.ClientAdded(client.getId(), actor.id(), now));
        log.info("Client {} added by {}", client.getId(), actor.getUsername());
        return client;
    }

    /**
     * Adds a client from the number of a text (Unassigned, issue 19): the names typed, the number as the cell,
     * Safe and Okay to Text unticked (the staff member asks the client and ticks them on the record).
     *
     * @throws FieldRuleException when the number is not a valid US cell number; nothing is written then
     */
    @Transactional
    public Client createFromNumber(String firstName, String lastName, String e164, StaffPrincipal actor) {
        CellNumber cell = CellNumber.fromE164(e164).orElseThrow(
                () -> FieldRuleException.ofForm("client.fromNumber.notACell"));
        return createClient(new ClientDetails(firstName.strip(), lastName.strip(), cell.areaCode(), cell.number(),
                false, false, ""), actor);
    }

    /**
     * Saves a staff member's changes to a client loaded at {@code expectedVersion}.
     *
     * @throws ClientChangedException when someone else saved the client since; nothing is written then
     * @throws FieldRuleException beside the field whose value breaks a rule; nothing is written then
     */
    @Transactional
    ClientEdit updateClient(long id, long expectedVersion, ClientDetails details, StaffPrincipal actor) {
        Client client = findClient(id);
        if (client.getVersion() != expectedVersion) {
            throw new ClientChangedException(id);
        }
        Optional<CellNumber> cell = CellNumber.parseOptional(details.cellAreaCode(), details.cellNumber());
        long languageId = checkedLanguage(details.languageId(), client.getLanguageId());
        Optional<ConsentEvent> consent = client.editByStaff(details.firstName(), details.lastName(), cell,
                details.safe(), languageId, details.okayToText(), tickedFor(details.okayToTextCell()), actor.id(),
                clock.instant());
        try {
            clientRepository.saveAndFlush(client);
        } catch (OptimisticLockingFailureException savedMeanwhile) {
            throw new ClientChangedException(id);
        }
        consent.ifPresent(consentEventRepository::save);
        log.info("Client {} changed by {}", id, actor.getUsername());
        return new ClientEdit(client, details.okayToText() && !client.isOkayToText());
    }

    /**
     * The result of a staff save.
     *
     * @param okayToTextDropped Okay to Text was ticked on the form but is now unticked, because the cell
     *     number changed and the box was not ticked again for the new number
     */
    record ClientEdit(Client client, boolean okayToTextDropped) {
    }

    /** The chosen language's id, {@code otherwise} when none was chosen; an id no language has is refused. */
    private long checkedLanguage(Long chosen, long otherwise) {
        return chosen == null ? otherwise : languages.checkedLanguage(chosen, "languageId").id();
    }

    private static Optional<CellNumber> tickedFor(String okayToTextCell) {
        if (okayToTextCell == null || okayToTextCell.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(CellNumber.parseAny(okayToTextCell));
        } catch (FieldRuleException notANumber) {
            return Optional.empty();
        }
    }
}
