package org.textdesk.hardening;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What the Content-Security-Policy demands of every page, checked on the rendered HTML: no inline
 * script (a script element carries only a src, from our own /js), no event-handler attribute, no
 * inline style, no javascript: address; and nothing a stored payload of {@link Attacks} could have
 * slipped in as markup.
 */
final class PageRules {

    private PageRules() {
    }

    /** Every breach of the rules on this page, in words; empty when there is none. */
    static List<String> breaches(String html) {
        Document page = Jsoup.parse(html);
        List<String> breaches = new ArrayList<>();
        for (Element script : page.select("script")) {
            if (!script.hasAttr("src") || !script.data().isBlank()) {
                breaches.add("inline script: " + abbreviated(script.outerHtml()));
            } else if (!script.attr("src").startsWith("/js/")) {
                breaches.add("script from elsewhere than /js/: " + script.attr("src"));
            }
        }
        if (!page.select("style").isEmpty()) {
            breaches.add("inline style element");
        }
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase();
                if (name.startsWith("on")) {
                    breaches.add("event handler attribute " + name + " on <" + element.tagName() + ">");
                }
                if (name.equals("style")) {
                    breaches.add("inline style attribute on <" + element.tagName() + ">");
                }
                if ((name.equals("href") || name.equals("src") || name.equals("action") || name.equals("formaction"))
                        && attribute.getValue().strip().toLowerCase().startsWith("javascript:")) {
                    breaches.add("javascript: address in " + name + " of <" + element.tagName() + ">");
                }
            }
        }
        if (!page.select("img[src=x]").isEmpty()) {
            breaches.add("a stored <img src=x> became markup");
        }
        for (String payload : List.of(Attacks.SCRIPT, "<img src=x onerror=alert(1)>")) {
            if (html.contains(payload)) {
                breaches.add("a stored payload is in the HTML unescaped: " + payload);
            }
        }
        return breaches;
    }

    private static String abbreviated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
