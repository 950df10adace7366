package org.textdesk.quickentry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaceholderValuesTest {

    @Test
    void eachPlaceholderNameGivesItsValue() {
        PlaceholderValues values = new PlaceholderValues("Ana", "Lima", "16E-20010101", "Sam Cole");
        assertThat(values.valueOf("first_name")).isEqualTo("Ana");
        assertThat(values.valueOf("last_name")).isEqualTo("Lima");
        assertThat(values.valueOf("case_number")).isEqualTo("16E-20010101");
        assertThat(values.valueOf("staff_name")).isEqualTo("Sam Cole");
        assertThat(values.valueOf("meeting_date")).isNull();
        assertThat(values.valueOf("First_Name")).isNull();
    }

    @Test
    void aMissingValueLeavesItsPlaceholderToBeFilledIn() {
        PlaceholderValues none = new PlaceholderValues(null, null, null, null);
        assertThat(none.firstName()).isEmpty();
        assertThat(none.lastName()).isEmpty();
        assertThat(none.caseNumber()).isEmpty();
        assertThat(none.staffName()).isEmpty();
        assertThat(QuickEntryText.fill("Hi {first_name} {last_name}, case {case_number}, {staff_name}. {other}", none))
                .isEqualTo("Hi {first_name} {last_name}, case {case_number}, {staff_name}. {other}");
        PlaceholderValues someCase = new PlaceholderValues("Ana", "Lima", null, "Sam Cole");
        assertThat(QuickEntryText.fill("Hi {first_name}, case {case_number} is tomorrow. {staff_name}", someCase))
                .isEqualTo("Hi Ana, case {case_number} is tomorrow. Sam Cole");
    }
}
