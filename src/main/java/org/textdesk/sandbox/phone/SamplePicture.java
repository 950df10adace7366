package org.textdesk.sandbox.phone;

import java.util.Optional;

/** The pictures a simulated phone can send, shipped under static/images/sandbox/. */
enum SamplePicture {

    SUNRISE("sunrise.png", "image/png"),
    RECEIPT("receipt.jpg", "image/jpeg"),
    LEASE("lease.png", "image/png");

    private final String fileName;
    private final String contentType;

    SamplePicture(String fileName, String contentType) {
        this.fileName = fileName;
        this.contentType = contentType;
    }

    static Optional<SamplePicture> named(String name) {
        for (SamplePicture picture : values()) {
            if (picture.name().equals(name)) {
                return Optional.of(picture);
            }
        }
        return Optional.empty();
    }

    String fileName() {
        return fileName;
    }

    String contentType() {
        return contentType;
    }

    /** Its wording's key in messages.properties. */
    String labelKey() {
        return "sandbox.picture." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
