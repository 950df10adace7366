package org.textdesk.history;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.textdesk.history.MessageDetails.StatusEvent;
import org.textdesk.history.TextTimeline.TimelineEntry;
import org.textdesk.system.OrganisationTime;
import org.textdesk.texts.PhoneNumbers;

/**
 * A case's texts as CSV for the case file (see {@link CsvWriter} for the format and the guard against
 * formulas): one record per text, oldest first, with direction, time in the organisation's time zone and
 * in UTC (ISO 8601), from, to, the message, the current status (with its error code), every status
 * reported with its time (one per line, in the order reported) and who sent it.
 */
@Component
class CaseTextsCsv {

    private static final List<String> HEADER_KEYS = List.of("texts.csv.direction", "texts.csv.time",
            "texts.csv.timeUtc", "texts.csv.from", "texts.csv.to", "texts.csv.body", "texts.csv.status",
            "texts.csv.history", "texts.csv.sentBy", "texts.csv.attachments");

    private final OrganisationTime organisationTime;
    private final MessageSource messageSource;

    CaseTextsCsv(OrganisationTime organisationTime, MessageSource messageSource) {
        this.organisationTime = organisationTime;
        this.messageSource = messageSource;
    }

    byte[] write(CaseTexts caseTexts) {
        CsvWriter csv = new CsvWriter();
        csv.record(HEADER_KEYS.stream().map(key -> words(key, organisationTime.zone().getId())).toList());
        for (TimelineEntry entry : caseTexts.entries()) {
            TimelineRow text = entry.row();
            csv.record(List.of(
                    words("texts.csv.direction." + text.direction()),
                    organisationTime.dateTime(text.time()),
                    DateTimeFormatter.ISO_INSTANT.format(text.time().truncatedTo(ChronoUnit.SECONDS)),
                    PhoneNumbers.display(text.fromNumber()),
                    PhoneNumbers.display(text.toNumber()),
                    text.body(),
                    status(text.status(), text.errorCode()),
                    entry.history().stream().map(this::historyLine).collect(Collectors.joining("\n")),
                    text.incoming() ? "" : nullToEmpty(text.sentByName()),
                    caseTexts.attachmentsOf(text.id()).stream()
                            .map(file -> file.name() + " (" + file.type() + ")" + (file.stored() ? ""
                                    : ": " + messageSource.getMessage(file.stateKey(), new Object[] {file.type()},
                                            LocaleContextHolder.getLocale())))
                            .collect(Collectors.joining("\n"))));
        }
        return csv.bytes();
    }

    /** The file's name: the case number is letters, digits and dashes only. */
    static String fileName(CaseTexts caseTexts) {
        return "texts-" + caseTexts.caseRecord().getCaseNumber().toLowerCase(Locale.ROOT) + ".csv";
    }

    private String historyLine(StatusEvent event) {
        return status(event.status(), event.errorCode()) + " " + organisationTime.dateTime(event.time());
    }

    private String status(String status, String errorCode) {
        String words = messageSource.getMessage("texting.status." + status, null, status,
                LocaleContextHolder.getLocale());
        return errorCode == null ? words : words("texts.csv.statusWithError", words, errorCode);
    }

    private String words(String key, Object... arguments) {
        return messageSource.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
