package org.textdesk.staff;

import org.springframework.security.core.AuthenticationException;

/** Too many failed logins for this username: refused without looking at the password. */
class LoginLockedException extends AuthenticationException {

    LoginLockedException() {
        super("too many failed logins for this username");
    }
}
