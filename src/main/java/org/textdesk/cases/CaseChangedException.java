package org.textdesk.cases;

/** Someone else saved the case after this form was loaded: nothing of this save was written. */
class CaseChangedException extends RuntimeException {

    CaseChangedException(long caseId) {
        super("case " + caseId + " was changed by someone else");
    }
}
