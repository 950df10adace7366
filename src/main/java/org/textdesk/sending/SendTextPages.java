package org.textdesk.sending;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientService;
import org.textdesk.client.ClientTextingSummaries;
import org.textdesk.quickentry.PlaceholderValues;
import org.textdesk.quickentry.QuickEntryGroup;
import org.textdesk.quickentry.QuickEntryService;
import org.textdesk.reminders.ClientTimeZones;
import org.textdesk.reminders.ClientZones;
import org.textdesk.reminders.QuietHours;
import org.textdesk.reminders.QuietHoursWindow;
import org.textdesk.reminders.ScheduledText;
import org.textdesk.reminders.ScheduledTexts;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.Choice;
import org.textdesk.system.ChoiceGroup;
import org.textdesk.system.NotFoundException;
import org.textdesk.system.OrganisationTime;
import org.textdesk.texts.TextMessage;
import org.textdesk.texts.TextMessageRepository;
import org.textdesk.twiliosetup.TwilioSetupService;

/** Reads what the Send Text form shows. */
@Component
class SendTextPages {

    private final ClientService clientService;
    private final CaseService caseService;
    private final QuickEntryService quickEntryService;
    private final TwilioSetupService twilioSetupService;
    private final TextMessageRepository messages;
    private final MessageSource messageSource;
    private final ClientTextingSummaries textingSummaries;
    private final ClientTimeZones timeZones;
    private final QuietHoursWindow quietHours;
    private final ScheduledTexts scheduledTexts;
    private final OrganisationTime organisationTime;
    private final Clock clock;

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);
    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    SendTextPages(ClientService clientService, CaseService caseService, QuickEntryService quickEntryService,
            TwilioSetupService twilioSetupService, TextMessageRepository messages, MessageSource messageSource,
            ClientTextingSummaries textingSummaries, ClientTimeZones timeZones, QuietHoursWindow quietHours,
            ScheduledTexts scheduledTexts, OrganisationTime organisationTime, Clock clock) {
        this.timeZones = timeZones;
        this.quietHours = quietHours;
        this.scheduledTexts = scheduledTexts;
        this.organisationTime = organisationTime;
        this.clock = clock;
        this.textingSummaries = textingSummaries;
        this.clientService = clientService;
        this.caseService = caseService;
        this.quickEntryService = quickEntryService;
        this.twilioSetupService = twilioSetupService;
        this.messages = messages;
        this.messageSource = messageSource;
    }

    @Transactional(readOnly = true)
    SendTextPage pageFor(long clientId, StaffPrincipal staff) {
        Client client = clientService.findClient(clientId);
        List<Choice> caseChoices = new ArrayList<>();
        caseChoices.add(Choice.of(null, words("texting.case.none"), ""));
        caseService.casesOfClient(clientId).stream().filter(CaseRecord::isOpen).forEach(caseRecord -> caseChoices.add(
                Choice.of(caseRecord.getId(), caseRecord.getCaseNumber() + " " + caseRecord.getTitle(),
                        caseRecord.getCaseNumber())));
        // {case_number} stays in the text: the page fills it with the case chosen in Case #, and refills it
        // when the choice changes.
        PlaceholderValues names = new PlaceholderValues(client.getFirstName(), client.getLastName(), null,
                staff.displayName());
        List<QuickEntryGroup> groups = quickEntryService.groupsFor(client.getLanguageId());
        return new SendTextPage(client, caseChoices,
                List.of(Choice.of(null, words("texting.quickEntry.choose"), "")), quickEntryGroups(groups, names),
                missingLanguage(groups), setupBlockedReason().or(client::textingBlockedReason),
                textingSummaries.summariesOf(List.of(clientId)).get(clientId).numberMayBeWrong(), clientTime(client));
    }

    private SendTextPage.ClientTime clientTime(Client client) {
        Instant now = clock.instant();
        ClientZones zones = timeZones.zonesOf(client);
        QuietHours window = quietHours.current();
        ZoneId zone = zones.shown();
        int offsetMinutes = (zone.getRules().getOffset(now).getTotalSeconds()
                - organisationTime.zone().getRules().getOffset(now).getTotalSeconds()) / 60;
        boolean differs = offsetMinutes != 0 || zones.several();
        return new SendTextPage.ClientTime(differs ? zone.getId() : null, offsetMinutes,
                CLOCK_TIME.format(now.atZone(zone)), !window.allows(now, zones.zones()),
                CLOCK_TIME.format(window.start()), CLOCK_TIME.format(window.end()));
    }

    /** Edit of a scheduled text: its words, case and time in the same form, posted as a change of it. */
    @Transactional(readOnly = true)
    void fillForEdit(SendTextForm form, long clientId, long scheduledId, StaffPrincipal staff) {
        ScheduledText text = scheduledTexts.visible(scheduledId, staff);
        if (text.clientId() != clientId) {
            throw new NotFoundException("scheduled text", scheduledId);
        }
        ZonedDateTime due = text.dueAt().atZone(organisationTime.zone());
        form.setScheduledId(scheduledId);
        form.setBody(text.body());
        form.setCaseId(text.caseId());
        form.setConfirmNotSafe(text.confirmNotSafe());
        form.setWhen(SendTextForm.LATER);
        form.setSendDate(due.toLocalDate().toString());
        form.setSendTime(HOURS_MINUTES.format(due));
    }

    /**
     * The Quick Entry options: for a client who prefers English, the English ones as they are; for any other
     * client, the ones in the client's language under its name first, then the English ones under "English".
     */
    private List<ChoiceGroup> quickEntryGroups(List<QuickEntryGroup> groups, PlaceholderValues names) {
        if (groups.size() == 1) {
            return List.of(new ChoiceGroup(null, null, choices(groups.get(0), names)));
        }
        return groups.stream().filter(group -> !group.choices().isEmpty())
                .map(group -> new ChoiceGroup(group.language().isEnglish() ? group.language().name()
                        : words("texting.quickEntry.clientLanguage", group.language().name()),
                        group.language().isEnglish() ? null : group.language().code(), choices(group, names)))
                .toList();
    }

    private static List<Choice> choices(QuickEntryGroup group, PlaceholderValues names) {
        return group.choices().stream()
                .map(choice -> Choice.of(choice.key(), choice.text(), choice.filledWith(names))).toList();
    }

    /** The client's language when it is not English and no Quick Entry has a version in it yet, else null. */
    private static String missingLanguage(List<QuickEntryGroup> groups) {
        QuickEntryGroup clientLanguage = groups.get(0);
        return !clientLanguage.language().isEnglish() && clientLanguage.choices().isEmpty()
                ? clientLanguage.language().name() : null;
    }

    /** Why Twilio Setup stops sending, read in full only when it does (the usual case reads it once). */
    private Optional<String> setupBlockedReason() {
        return twilioSetupService.currentSetup().canSend() ? Optional.empty()
                : twilioSetupService.sendingBlockedReason();
    }

    private String words(String key, Object... arguments) {
        return messageSource.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    /**
     * A new form's Case #: the case it was opened from, else the client's only open case, so a Quick Entry's
     * {case_number} has its value at once.
     */
    @Transactional(readOnly = true)
    void preselectCase(SendTextForm form, long clientId) {
        if (form.getCaseId() != null) {
            return;
        }
        List<CaseRecord> open = caseService.casesOfClient(clientId).stream().filter(CaseRecord::isOpen).toList();
        if (open.size() == 1) {
            form.setCaseId(open.get(0).getId());
        }
    }

    /** Resend: the same text and case as a message sent to this client before. */
    @Transactional(readOnly = true)
    void fillForResend(SendTextForm form, long clientId, long messageId) {
        TextMessage earlier = messages.findById(messageId)
                .filter(message -> Long.valueOf(clientId).equals(message.getClientId()))
                .orElseThrow(() -> new NotFoundException("text", messageId));
        // a redacted body says "(removed after N months)": the caseworker types the message again
        form.setBody(earlier.bodyRemoved() ? "" : earlier.getBody());
        form.setCaseId(earlier.getCaseId());
    }
}
