package org.textdesk.twilio;

/**
 * Where the webhook signature check finds the Auth Token: Twilio Setup, which implements this so that the
 * gateway and the signature check do not depend on the Setup page that depends on them (test connection).
 */
public interface CurrentTwilioSetup {

    /** The saved Twilio Setup, with its Auth Token decrypted, or {@link TwilioSetup#NONE}. */
    TwilioSetup currentSetup();

    /**
     * The Twilio Setup as saved now, read past any cache: a signature that fails with the cached Auth Token
     * is checked again with this one, since the token may have been changed on another instance.
     */
    TwilioSetup freshSetup();
}
