package org.textdesk.texts;

/**
 * The GSM 7-bit default alphabet and its extension table as 3GPP TS 23.038 (section 6.2.1) lists them,
 * position by position, written out here so that tests never read them from {@link SmsText}.
 */
final class Gsm7Tables {

    /**
     * The basic table, positions 0x00 to 0x7F in order; 0x1B (ESC, the way into the extension table) is not a
     * character and is left out, so this holds 127 characters.
     */
    static final String BASIC =
            // 0x00-0x0F
            "@\u00a3$\u00a5\u00e8\u00e9\u00f9\u00ec\u00f2\u00c7\n\u00d8\u00f8\r\u00c5\u00e5"
            // 0x10-0x1F, without 0x1B ESC
            + "\u0394_\u03a6\u0393\u039b\u03a9\u03a0\u03a8\u03a3\u0398\u039e\u00c6\u00e6\u00df\u00c9"
            // 0x20-0x2F
            + " !\"#\u00a4%&'()*+,-./"
            // 0x30-0x3F
            + "0123456789:;<=>?"
            // 0x40-0x4F
            + "\u00a1ABCDEFGHIJKLMNO"
            // 0x50-0x5F
            + "PQRSTUVWXYZ\u00c4\u00d6\u00d1\u00dc\u00a7"
            // 0x60-0x6F
            + "\u00bfabcdefghijklmno"
            // 0x70-0x7F
            + "pqrstuvwxyz\u00e4\u00f6\u00f1\u00fc\u00e0";

    /**
     * The extension table: ESC followed by 0x0A form feed, 0x14 ^, 0x28 {, 0x29 }, 0x2F \, 0x3C [, 0x3D ~,
     * 0x3E ], 0x40 |, 0x65 euro sign. Each costs two septets.
     */
    static final String EXTENSION = "\f^{}\\[~]|\u20ac";

    private Gsm7Tables() {
    }
}
