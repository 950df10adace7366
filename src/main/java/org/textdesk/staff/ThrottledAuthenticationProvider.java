package org.textdesk.staff;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * The login check: first a guess is reserved with {@link LoginThrottle} (refused when the username is locked),
 * then the password is checked (through {@code passwords}, the usual {@code DaoAuthenticationProvider}); a
 * refusal keeps the guess counted, a success is not counted.
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
        LoginThrottle.Reservation guess = throttle.reserve(login.getName());
        Authentication authenticated;
        try {
            authenticated = passwords.authenticate(login);
        } catch (InternalAuthenticationServiceException lookupFailed) {
            // Not a wrong password: the account could not be looked up (the database is away, say). The reserved
            // guess stays counted: it cannot be told apart from a guess, and the database may be unreachable.
            if (lookupFailed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw lookupFailed;
        } catch (AuthenticationException refused) {
            throttle.failed(guess);
            throw refused;
        }
        throttle.succeeded(guess);
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
