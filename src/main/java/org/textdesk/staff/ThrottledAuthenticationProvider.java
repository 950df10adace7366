package org.textdesk.staff;

import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * The login check: first whether the username is locked by {@link LoginThrottle}, then the password
 * (through {@code passwords}, the usual {@code DaoAuthenticationProvider}); a refusal counts against the
 * username, a success clears its count.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String username = login.getName();
        Optional<Instant> lockedUntil = throttle.lockedUntil(username);
        if (lockedUntil.isPresent()) {
            throttle.logRefusal(username, lockedUntil.get());
            throw new LoginLockedException();
        }
        Authentication authenticated;
        try {
            authenticated = passwords.authenticate(login);
        } catch (InternalAuthenticationServiceException lookupFailed) {
            // Not a wrong password: the account could not be looked up (the database is away, say).
            if (lookupFailed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw lookupFailed;
        } catch (AuthenticationException refused) {
            throttle.recordFailure(username);
            throw refused;
        }
        throttle.recordSuccess(username);
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
