package org.textdesk.media;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The files Twilio says came with an incoming text (NumMedia, MediaUrl{N}, MediaContentType{N}), each with
 * what TextDesk does with it: fetch it later, or keep only its name and type. Stored with the text, in the
 * same write.
 *
 * @param numMedia NumMedia as Twilio sent it
 */
public record IncomingMedia(int numMedia, List<Item> items) {

    /** At most this many files of one text are kept (issue 15 point 4). */
    public static final int KEPT_PER_TEXT = 10;
    /** Rows beyond this are not even recorded (Twilio sends at most 10). */
    static final int RECORDED_PER_TEXT = 50;

    public static final IncomingMedia NONE = new IncomingMedia(0, List.of());

    /**
     * One file: its index N, the URL and type Twilio gave, and its first state.
     *
     * @param state PENDING (to be fetched) or NOT_KEPT
     * @param notKeptReason TYPE or TOO_MANY when not kept, else null
     */
    public record Item(int position, String url, String declaredType, String state, String notKeptReason) {
    }

    public IncomingMedia {
        items = List.copyOf(items);
    }

    /**
     * From the webhook's parameters: {@code url.apply(n)} and {@code type.apply(n)} give MediaUrl{n} and
     * MediaContentType{n} (null when absent). A file without a URL is left out.
     */
    public static IncomingMedia of(int numMedia, IntFunction<String> url, IntFunction<String> type) {
        if (numMedia <= 0) {
            return NONE;
        }
        List<Item> items = new ArrayList<>();
        for (int n = 0; n < Math.min(numMedia, RECORDED_PER_TEXT); n++) {
            String mediaUrl = url.apply(n);
            if (mediaUrl == null || mediaUrl.isBlank()) {
                continue;
            }
            String declared = type.apply(n) == null ? "" : type.apply(n).strip();
            if (n >= KEPT_PER_TEXT) {
                items.add(new Item(n, mediaUrl, declared, MediaState.NOT_KEPT, NotKept.TOO_MANY));
            } else if (!MediaTypes.kept(declared)) {
                items.add(new Item(n, mediaUrl, declared, MediaState.NOT_KEPT, NotKept.TYPE));
            } else {
                items.add(new Item(n, mediaUrl, MediaTypes.normalised(declared), MediaState.PENDING, null));
            }
        }
        return new IncomingMedia(numMedia, items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
