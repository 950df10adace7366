package org.textdesk.client;

/** Someone else saved the client after this form was loaded: nothing of this save was written. */
class ClientChangedException extends RuntimeException {

    ClientChangedException(long clientId) {
        super("client " + clientId + " was changed by someone else");
    }
}
