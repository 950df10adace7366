package org.textdesk.quickentry;

import java.util.List;
import org.textdesk.language.LanguageView;

/** The Quick Entries the Send Text form offers in one language, in the admins' order. */
public record QuickEntryGroup(LanguageView language, List<QuickEntryChoice> choices) {
}
