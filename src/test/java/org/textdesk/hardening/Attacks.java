package org.textdesk.hardening;

import java.util.List;

/** The stored-XSS payloads every page must show as plain text. */
final class Attacks {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG_ONERROR = "\"><img src=x onerror=alert(1)>";
    static final String JAVASCRIPT_URL = "javascript:alert(1)";

    static final List<String> ALL = List.of(SCRIPT, IMG_ONERROR, JAVASCRIPT_URL);

    private Attacks() {
    }
}
