package org.textdesk.alerts;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.staff.StaffService;
import org.textdesk.system.FieldRuleException;

/** A person's own settings: their email address (on the staff record) and their alert choice, saved together. */
@Service
class MySettings {

    private final StaffService staffService;
    private final AlertSettings alertSettings;

    MySettings(StaffService staffService, AlertSettings alertSettings) {
        this.staffService = staffService;
        this.alertSettings = alertSettings;
    }

    @Transactional(readOnly = true)
    MySettingsForm current(long staffId) {
        MySettingsForm form = new MySettingsForm();
        String email = staffService.findStaff(staffId).getEmail();
        form.setEmail(email);
        form.setAlertAfter(alertSettings.afterHoursOf(staffId).map(String::valueOf).orElse(MySettingsForm.OFF));
        return form;
    }

    /**
     * Saves both, or neither: refuses an alert choice not offered, and alerts without an email address.
     *
     * @throws FieldRuleException beside the field refused
     */
    @Transactional
    void save(long staffId, MySettingsForm form) {
        Integer afterHours = afterHours(form.getAlertAfter());
        if (afterHours != null && form.getEmail().isEmpty()) {
            throw new FieldRuleException("email", "settings.email.neededForAlerts");
        }
        staffService.changeEmail(staffId, form.getEmail());
        alertSettings.save(staffId, afterHours);
    }

    /** The hours chosen, or null for off. */
    private static Integer afterHours(String choice) {
        if (MySettingsForm.OFF.equals(choice)) {
            return null;
        }
        try {
            int hours = Integer.parseInt(choice);
            if (AlertRule.isChoice(hours)) {
                return hours;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, as any other choice not offered
        }
        throw new FieldRuleException("alertAfter", "settings.alertAfter.invalid");
    }
}
