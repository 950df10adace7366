package org.textdesk.media;

/**
 * A file that came with an incoming text, as pages and exports show it (never its bytes).
 *
 * @param position N of MediaUrl{N}
 * @param declaredType the MediaContentType{N} Twilio posted
 * @param contentType the type it was kept (or refused) as, once fetched; else null
 * @param attempts how many times fetching it was tried
 */
public record TextAttachment(long id, long textMessageId, int position, String declaredType, String state,
        String notKeptReason, String contentType, Long sizeBytes, int attempts) {

    /** The type to name: as fetched, else as Twilio declared it. */
    public String type() {
        return contentType != null && !contentType.isBlank() ? contentType : declaredType;
    }

    public boolean stored() {
        return MediaState.STORED.equals(state);
    }

    /** Drawn in the page (JPEG, PNG, GIF, WebP); other kept files (HEIC, PDF) are download links. */
    public boolean thumbnail() {
        return stored() && MediaTypes.shown(contentType);
    }

    public boolean pending() {
        return MediaState.PENDING.equals(state);
    }

    /** Pending after at least one failed fetch: "picture could not be fetched yet". */
    public boolean retrying() {
        return pending() && attempts > 0;
    }

    public boolean image() {
        return MediaTypes.image(type());
    }

    /** A name for lists and downloads: picture-1.jpg, file-2.pdf, file-3 (position + 1: as people count). */
    public String name() {
        String base = (image() ? "picture-" : "file-") + (position + 1);
        return MediaTypes.kept(type()) ? base + "." + MediaTypes.extension(type()) : base;
    }

    /** The message key of the words for the file's state, when it is not stored. */
    public String stateKey() {
        return switch (state) {
            case MediaState.STORED -> "media.stored";
            case MediaState.PENDING -> attempts > 0 ? "media.retrying" : "media.pending";
            case MediaState.GAVE_UP -> "media.gaveUp";
            default -> "media.notKept." + notKeptReason;
        };
    }

    public String href() {
        return "/media/" + id;
    }

    public String downloadHref() {
        return "/media/" + id + "/download";
    }
}
