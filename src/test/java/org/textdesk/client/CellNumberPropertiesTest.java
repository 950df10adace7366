package org.textdesk.client;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class CellNumberPropertiesTest {

    @Property(tries = 100, seed = "1")
    void sanity(@ForAll String a) {
        try {
            CellNumber.parse(a, "");
        } catch (org.textdesk.system.FieldRuleException ok) {
        }
    }
}
