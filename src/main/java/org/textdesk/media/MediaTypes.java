package org.textdesk.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Which files TextDesk keeps from clients' texts and how it serves them (issue 15 point 4): JPEG, PNG, GIF,
 * HEIC/HEIF, WebP and PDF. Only JPEG, PNG, GIF and WebP are shown in the page (browsers draw those); HEIC is
 * served as an image but offered as a download; PDF and anything else is only ever a download.
 */
final class MediaTypes {

    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";
    static final String GIF = "image/gif";
    static final String WEBP = "image/webp";
    static final String HEIC = "image/heic";
    static final String HEIF = "image/heif";
    static final String PDF = "application/pdf";

    private static final Set<String> KEPT = Set.of(JPEG, PNG, GIF, WEBP, HEIC, HEIF, PDF);
    private static final Set<String> SHOWN = Set.of(JPEG, PNG, GIF, WEBP);
    private static final Set<String> IMAGES = Set.of(JPEG, PNG, GIF, WEBP, HEIC, HEIF);
    private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1",
            "msf1", "heif");

    private MediaTypes() {
    }

    /** The type without parameters, in lower case ("image/JPEG; x=y" is image/jpeg); image/jpg is image/jpeg. */
    static String normalised(String contentType) {
        if (contentType == null) {
            return "";
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("image/jpg") || type.equals("image/pjpeg") ? JPEG : type;
    }

    static boolean kept(String contentType) {
        return KEPT.contains(normalised(contentType));
    }

    /** Drawn in the page as a thumbnail. */
    static boolean shown(String contentType) {
        return SHOWN.contains(normalised(contentType));
    }

    /** Served inline (the allowed image types); everything else is served as an attachment. */
    static boolean image(String contentType) {
        return IMAGES.contains(normalised(contentType));
    }

    /**
     * Whether the bytes begin as a file of that type does: a file that says it is a PNG but is an SVG or an
     * HTML page is not kept, whatever the header says.
     */
    static boolean looksLike(String contentType, byte[] bytes) {
        return switch (normalised(contentType)) {
            case JPEG -> startsWith(bytes, 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            case PNG -> startsWith(bytes, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            case GIF -> startsWith(bytes, 0, ascii("GIF87a")) || startsWith(bytes, 0, ascii("GIF89a"));
            case WEBP -> startsWith(bytes, 0, ascii("RIFF")) && startsWith(bytes, 8, ascii("WEBP"));
            case HEIC, HEIF -> startsWith(bytes, 4, ascii("ftyp")) && bytes.length >= 12
                    && HEIF_BRANDS.contains(new String(Arrays.copyOfRange(bytes, 8, 12), StandardCharsets.US_ASCII));
            case PDF -> startsWith(bytes, 0, ascii("%PDF-"));
            default -> false;
        };
    }

    /** A file name ending for downloads: picture-1.jpg. */
    static String extension(String contentType) {
        return switch (normalised(contentType)) {
            case JPEG -> "jpg";
            case PNG -> "png";
            case GIF -> "gif";
            case WEBP -> "webp";
            case HEIC -> "heic";
            case HEIF -> "heif";
            case PDF -> "pdf";
            default -> "bin";
        };
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        if (bytes.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
