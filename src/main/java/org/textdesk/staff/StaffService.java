package org.textdesk.staff;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
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
    private final FindByIndexNameSessionRepository<?> sessions;

    StaffService(StaffRepository staffRepository, PasswordEncoder passwordEncoder, Clock clock,
            FindByIndexNameSessionRepository<?> sessions) {
        this.staffRepository = staffRepository;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.sessions = sessions;
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
        return createStaff(username, displayName, role, rawPassword, null);
    }

    /** Adds an account with the person's email address (null or blank: none), in one transaction. */
    @Transactional
    public Staff createStaff(String username, String displayName, Role role, String rawPassword, String email) {
        String normalisedUsername = username.strip().toLowerCase(Locale.ROOT);
        PasswordPolicy.problemWith(rawPassword).ifPresent(problem -> {
            throw new FieldRuleException("password", problem, PasswordPolicy.MIN_LENGTH);
        });
        if (staffRepository.existsByUsernameIgnoreCase(normalisedUsername)) {
            throw new FieldRuleException("username", "staff.username.taken");
        }
        Staff staff = new Staff(normalisedUsername, passwordEncoder.encode(rawPassword), displayName.strip(), role,
                clock.instant());
        staff.changeEmail(email == null || email.isBlank() ? null : email.strip());
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
        endSessionsOf(staff);
        log.info("Password of staff account {} reset", staff.getUsername());
    }

    /** Sets the person's own email address (null or blank: none); the address is not logged. */
    @Transactional
    public void changeEmail(long staffId, String email) {
        findStaff(staffId).changeEmail(email == null || email.isBlank() ? null : email.strip());
        log.info("Email address of staff account {} changed", staffId);
    }

    /** Enables or disables an account; nobody can disable their own, so an admin cannot lock themselves out. */
    @Transactional
    public void setEnabled(long staffId, boolean enabled, StaffPrincipal actor) {
        if (!enabled && actor.id() == staffId) {
            throw new FieldRuleException("enabled", "staff.disable.self");
        }
        Staff staff = findStaff(staffId);
        staff.setEnabled(enabled);
        if (!enabled) {
            endSessionsOf(staff);
        }
        log.info("Staff account {} {} by {}", staff.getUsername(), enabled ? "enabled" : "disabled",
                actor.getUsername());
    }

    /**
     * Changes an account's role; it takes effect at that person's next request ({@link CurrentStaffFilter}).
     * Nobody can change their own, so the last admin cannot demote themselves.
     */
    @Transactional
    public void changeRole(long staffId, Role role, StaffPrincipal actor) {
        if (actor.id() == staffId) {
            throw new FieldRuleException("role", "staff.role.self");
        }
        Staff staff = findStaff(staffId);
        staff.changeRole(role);
        log.info("Role of staff account {} changed to {} by {}", staff.getUsername(), role, actor.getUsername());
    }

    /**
     * Logs the account out everywhere: its sessions are rows in the database (Spring Session JDBC) that every
     * instance reads at each request, so deleting them ends them on every instance at once.
     */
    private void endSessionsOf(Staff staff) {
        var ended = sessions.findByPrincipalName(staff.getUsername()).keySet();
        ended.forEach(sessions::deleteById);
        log.info("{} session(s) of staff account {} ended", ended.size(), staff.getUsername());
    }
}
