package org.textdesk.sandbox.phone;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Reads the TwiML TextDesk answers a webhook with, as Twilio does: the texts to send back, the words to say. */
final class Twiml {

    private Twiml() {
    }

    /** The text of every element with this name ({@code Message} or {@code Say}); empty when unreadable. */
    static List<String> texts(String twiml, String element) {
        List<String> texts = new ArrayList<>();
        if (twiml == null || twiml.isBlank()) {
            return texts;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(twiml.getBytes(StandardCharsets.UTF_8)));
            NodeList found = document.getElementsByTagName(element);
            for (int i = 0; i < found.getLength(); i++) {
                texts.add(found.item(i).getTextContent());
            }
        } catch (Exception unreadable) {
            return List.of();
        }
        return texts;
    }
}
