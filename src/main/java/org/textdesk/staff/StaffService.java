package org.textdesk.staff;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.NotFoundException;

/** Staff accounts: who may log in, with which role. */
@Service
public class StaffService {

    private static final Logger log = LoggerFactory.getLogger(StaffService.class);

    private final StaffRepository staffRepository;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    StaffService(StaffRepository staffRepository, PasswordEncoder passwordEncoder, Clock clock) {
        this.staffRepository = staffRepository;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Staff> listStaff() {
        return staffRepository.findAllByOrderByDisplayNameAsc();
    }

    @Transactional(readOnly = true)
    public boolean anyStaffExists() {
        return staffRepository.count() > 0;
    }

    @Transactional(readOnly = true)
    public Staff findStaff(long id) {
        return staffRepository.findById(id).orElseThrow(() -> new NotFoundException("staff", id));
    }

    /**
     * Adds an account. Throws {@link FieldRuleException} when the username is taken or the password
     * breaks the policy.
     */
    @Transactional
    public Staff createStaff(String username, String displayName, Role role, String rawPassword) {
        String normalisedUsername = username.strip().toLowerCase(Locale.ROOT);
        PasswordPolicy.problemWith(rawPassword).ifPresent(problem -> {
            throw new FieldRuleException("password", problem, PasswordPolicy.MIN_LENGTH);
        });
        if (staffRepository.existsByUsernameIgnoreCase(normalisedUsername)) {
            throw new FieldRuleException("username", "staff.username.taken");
        }
        Staff staff = new Staff(normalisedUsername, passwordEncoder.encode(rawPassword), displayName.strip(), role,
                clock.instant());
        try {
            staffRepository.saveAndFlush(staff);
        } catch (DataIntegrityViolationException raceWithAnotherAdmin) {
            throw new FieldRuleException("username", "staff.username.taken");
        }
        log.info("Staff account {} created with role {}", normalisedUsername, role);
        return staff;
    }

    @Transactional
    public void resetPassword(long staffId, String rawPassword) {
        PasswordPolicy.problemWith(rawPassword).ifPresent(problem -> {
            throw new FieldRuleException("password", problem, PasswordPolicy.MIN_LENGTH);
        });
        Staff staff = findStaff(staffId);
        staff.changePasswordHash(passwordEncoder.encode(rawPassword));
        log.info("Password of staff account {} reset", staff.getUsername());
    }

    /** Enables or disables an account; nobody can disable their own, so an admin cannot lock themselves out. */
    @Transactional
    public void setEnabled(long staffId, boolean enabled, StaffPrincipal actor) {
        if (!enabled && actor.id() == staffId) {
            throw new FieldRuleException("enabled", "staff.disable.self");
        }
        Staff staff = findStaff(staffId);
        staff.setEnabled(enabled);
        log.info("Staff account {} {} by {}", staff.getUsername(), enabled ? "enabled" : "disabled",
                actor.getUsername());
    }
}
