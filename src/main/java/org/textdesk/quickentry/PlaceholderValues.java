package org.textdesk.quickentry;

/**
 * What a Quick Entry's placeholders are filled with when a caseworker picks it: the client's names,
 * the case number and the sending staff member's name. A missing value (null or blank) leaves its
 * placeholder in the text, to be filled in before sending.
 */
public record PlaceholderValues(String firstName, String lastName, String caseNumber, String staffName) {

    public PlaceholderValues {
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
        caseNumber = caseNumber == null ? "" : caseNumber;
        staffName = staffName == null ? "" : staffName;
    }

    /** The value for one placeholder name (without braces), or null when the name is unknown. */
    String valueOf(String placeholderName) {
        return switch (placeholderName) {
            case "first_name" -> firstName;
            case "last_name" -> lastName;
            case "case_number" -> caseNumber;
            case "staff_name" -> staffName;
            default -> null;
        };
    }
}
