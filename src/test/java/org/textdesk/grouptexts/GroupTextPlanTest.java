package org.textdesk.grouptexts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.textdesk.reminders.QuietHours;
import org.textdesk.system.FieldRuleException;

/** The plan of a group text, without a database: who gets it, with what words, when, and why not. */
class GroupTextPlanTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    /** Tuesday 5 March 2030, 10:00 in New York, 7:00 in Los Angeles. */
    static final Instant TEN_AM_NEW_YORK = Instant.parse("2030-03-05T15:00:00Z");
    static final QuietHours EIGHT_TO_NINE = new QuietHours(LocalTime.of(8, 0), LocalTime.of(21, 0));

    static GroupTextPlan.Facts client(long id, String first, String cell, boolean okay, boolean safe, ZoneId zone,
            GroupTextPlan.OpenCase... cases) {
        return new GroupTextPlan.Facts(id, first, "Avery", cell, okay, safe, List.of(cases), List.of(zone));
    }

    @Test
    void eachClientGetsTheirOwnFilledTextAndThoseInQuietHoursWaitUntilTheWindowOpensInTheirTime() {
        GroupTextPlan plan = GroupTextPlan.of("Hi {first_name}, {staff_name} here.", "Casey Worker", List.of(
                client(2, "Sam", "+12065550143", true, true, LOS_ANGELES),
                client(1, "Jordan", "+14045387319", true, true, NEW_YORK)), EIGHT_TO_NINE, TEN_AM_NEW_YORK);

        assertThat(plan.recipients()).extracting(p -> p.client().clientId(), GroupTextPlan.Planned::when,
                GroupTextPlan.Planned::body, GroupTextPlan.Planned::goesAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1L, GroupTextPlan.When.NOW, "Hi Jordan, Casey Worker here.",
                        TEN_AM_NEW_YORK),
                org.assertj.core.groups.Tuple.tuple(2L, GroupTextPlan.When.LATER, "Hi Sam, Casey Worker here.",
                        Instant.parse("2030-03-05T16:00:00Z")));
        assertThat(plan.gettingIt()).isEqualTo(2);
        assertThat(plan.count(GroupTextPlan.When.LATER)).isEqualTo(1);
        assertThat(plan.leftOutByReason()).isEmpty();
    }

    @Test
    void noCellNoOkayToTextNotSafeAreLeftOutWithTheirReasonMostCommonFirst() {
        GroupTextPlan plan = GroupTextPlan.of("Office closed Friday.", "Casey", List.of(
                client(1, "A", null, false, true, NEW_YORK),
                client(2, "B", "+14045550101", false, true, NEW_YORK),
                client(3, "C", "+14045550102", false, true, NEW_YORK),
                client(4, "D", "+14045550103", true, false, NEW_YORK),
                client(5, "E", "+14045550104", true, true, NEW_YORK)), EIGHT_TO_NINE, TEN_AM_NEW_YORK);

        assertThat(plan.recipients()).extracting(GroupTextPlan.Planned::leftOutBecause).containsExactly(
                "client.texting.noCell", "client.texting.notOkay", "client.texting.notOkay",
                "groupTexts.leftOut.notSafe", null);
        assertThat(plan.gettingIt()).isEqualTo(1);
        assertThat(plan.leftOutByReason()).containsExactly(java.util.Map.entry("client.texting.notOkay", 2L),
                java.util.Map.entry("client.texting.noCell", 1L), java.util.Map.entry("groupTexts.leftOut.notSafe", 1L));
    }

    @Test
    void theCaseNumberIsTheClientsOneOpenCaseAndTheTextGoesForThatCase() {
        GroupTextPlan plan = GroupTextPlan.of("About case {case_number}.", "Casey", List.of(
                client(1, "A", "+14045550101", true, true, NEW_YORK, new GroupTextPlan.OpenCase(7, "16E-20010101")),
                client(2, "B", "+14045550102", true, true, NEW_YORK),
                client(3, "C", "+14045550103", true, true, NEW_YORK, new GroupTextPlan.OpenCase(8, "16E-1"),
                        new GroupTextPlan.OpenCase(9, "16E-2"))), EIGHT_TO_NINE, TEN_AM_NEW_YORK);

        assertThat(plan.recipients()).extracting(GroupTextPlan.Planned::body, GroupTextPlan.Planned::caseId,
                GroupTextPlan.Planned::leftOutBecause, GroupTextPlan.Planned::leftOutDetail).containsExactly(
                org.assertj.core.groups.Tuple.tuple("About case 16E-20010101.", 7L, null, null),
                org.assertj.core.groups.Tuple.tuple(null, null, "groupTexts.leftOut.noOpenCase", null),
                org.assertj.core.groups.Tuple.tuple(null, null, "groupTexts.leftOut.severalOpenCases", "2"));
    }

    @Test
    void aTextThatNoLongerFitsOneSmsOnceFilledLeavesThatClientOutWithItsLength() {
        String body = "x".repeat(150) + " {first_name}";
        GroupTextPlan plan = GroupTextPlan.of(body, "Casey", List.of(
                client(1, "Al", "+14045550101", true, true, NEW_YORK),
                client(2, "Maximilian", "+14045550102", true, true, NEW_YORK),
                client(3, "Zoë", "+14045550103", true, true, NEW_YORK)), EIGHT_TO_NINE, TEN_AM_NEW_YORK);

        assertThat(plan.recipients()).extracting(GroupTextPlan.Planned::when, GroupTextPlan.Planned::leftOutDetail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(GroupTextPlan.When.NOW, null),
                        org.assertj.core.groups.Tuple.tuple(GroupTextPlan.When.LEFT_OUT, "161/160"),
                        org.assertj.core.groups.Tuple.tuple(GroupTextPlan.When.LEFT_OUT, "154/70"));
        assertThat(plan.recipients().get(0).body()).hasSize(153);
    }

    @Test
    void aPlaceholderThatWouldStayEmptyLeavesTheClientOut() {
        GroupTextPlan plan = GroupTextPlan.of("Hi {first_name}", "Casey", List.of(
                client(1, " ", "+14045550101", true, true, NEW_YORK)), EIGHT_TO_NINE, TEN_AM_NEW_YORK);

        assertThat(plan.recipients().get(0).leftOutBecause()).isEqualTo("groupTexts.leftOut.placeholder");
        assertThat(plan.recipients().get(0).leftOutDetail()).isEqualTo("{first_name}");
    }

    @Test
    void theFingerprintChangesWithTheRecipientsOrTheirWordsButNotWithQuietHours() {
        List<GroupTextPlan.Facts> two = List.of(client(1, "Jordan", "+14045387319", true, true, NEW_YORK),
                client(2, "Sam", "+12065550143", true, true, LOS_ANGELES));
        String atTen = GroupTextPlan.of("Hi {first_name}", "Casey", two, EIGHT_TO_NINE, TEN_AM_NEW_YORK).fingerprint();

        assertThat(GroupTextPlan.of("Hi {first_name}", "Casey", two, EIGHT_TO_NINE,
                Instant.parse("2030-03-05T20:00:00Z")).fingerprint()).as("later the same day").isEqualTo(atTen);
        assertThat(GroupTextPlan.of("Hi {first_name}", "Casey", two.subList(0, 1), EIGHT_TO_NINE, TEN_AM_NEW_YORK)
                .fingerprint()).as("one client fewer").isNotEqualTo(atTen);
        assertThat(GroupTextPlan.of("Hi {first_name}", "Casey", List.of(two.get(0),
                client(2, "Samuel", "+12065550143", true, true, LOS_ANGELES)), EIGHT_TO_NINE, TEN_AM_NEW_YORK)
                .fingerprint()).as("a name changed").isNotEqualTo(atTen);
        assertThat(GroupTextPlan.of("Hi {first_name}", "Casey", List.of(two.get(0),
                client(2, "Sam", "+12065550143", false, true, LOS_ANGELES)), EIGHT_TO_NINE, TEN_AM_NEW_YORK)
                .fingerprint()).as("a STOP").isNotEqualTo(atTen);
        assertThat(atTen).hasSize(32);
    }

    @Test
    void theMessageIsRequiredKeepableAndUsesOnlyKnownPlaceholders() {
        assertThat(GroupTextPlan.checkedBody("  Office closed Friday.\n")).isEqualTo("Office closed Friday.");
        assertThatThrownBy(() -> GroupTextPlan.checkedBody("  ")).isInstanceOf(FieldRuleException.class)
                .extracting("messageKey").isEqualTo("groupTexts.body.required");
        assertThatThrownBy(() -> GroupTextPlan.checkedBody(null)).extracting("messageKey")
                .isEqualTo("groupTexts.body.required");
        assertThatThrownBy(() -> GroupTextPlan.checkedBody("x".repeat(1601))).extracting("messageKey")
                .isEqualTo("groupTexts.body.tooLongToKeep");
        assertThat(GroupTextPlan.checkedBody("x".repeat(1600))).hasSize(1600);
        assertThatThrownBy(() -> GroupTextPlan.checkedBody("Hi {firstname}")).isInstanceOf(FieldRuleException.class)
                .satisfies(refused -> {
                    FieldRuleException rule = (FieldRuleException) refused;
                    assertThat(rule.field()).isEqualTo("body");
                    assertThat(rule.messageKey()).isEqualTo("groupTexts.body.unknownPlaceholder");
                    assertThat(rule.arguments()).containsExactly("{firstname}",
                            "{first_name}, {last_name}, {case_number}, {staff_name}");
                });
    }
}
