package org.textdesk.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an event is on the NOTIFY channel and on a page's stream: kinds and ids, nothing else. */
class LiveEventTest {

    @Test
    void anIncomingTextTravelsAsItsIdsAndComesBackTheSame() {
        LiveEvent event = LiveEvent.incoming(40, 12L, 7L);
        assertThat(event.payload()).isEqualTo("INCOMING:12:40:7");
        assertThat(LiveEvent.fromPayload("INCOMING:12:40:7")).isEqualTo(new LiveEvent(LiveEvent.Kind.INCOMING, 12L,
                40L, 7L));
    }

    @Test
    void missingIdsAreEmptyOnTheChannel() {
        assertThat(LiveEvent.incoming(41, null, null).payload()).isEqualTo("INCOMING::41:");
        assertThat(LiveEvent.picture(42).payload()).isEqualTo("PICTURE::42:");
        assertThat(LiveEvent.status(43, 12L).payload()).isEqualTo("STATUS:12:43:");
        assertThat(LiveEvent.resync().payload()).isEqualTo("RESYNC:::");
        assertThat(LiveEvent.fromPayload("PICTURE::42:")).isEqualTo(new LiveEvent(LiveEvent.Kind.PICTURE, null, 42L,
                null));
        assertThat(LiveEvent.fromPayload("RESYNC:::")).isEqualTo(new LiveEvent(LiveEvent.Kind.RESYNC, null, null,
                null));
    }

    @Test
    void aPayloadThisVersionCannotReadIsNoEvent() {
        assertThat(LiveEvent.fromPayload("INCOMING:12:40")).isNull();
        assertThat(LiveEvent.fromPayload("INCOMING:12:40:7:1")).isNull();
        assertThat(LiveEvent.fromPayload("TYPING:12:40:7")).isNull();
        assertThat(LiveEvent.fromPayload("INCOMING:twelve:40:7")).isNull();
        assertThat(LiveEvent.fromPayload("")).isNull();
    }

    @Test
    void aStreamIsToldWhetherTheClientIsItsStaffMembersOwn() {
        LiveEvent event = LiveEvent.incoming(40, 12L, 7L);
        assertThat(event.json(7)).isEqualTo("{\"kind\":\"incoming\",\"clientId\":12,\"messageId\":40,\"mine\":true}");
        assertThat(event.json(8)).isEqualTo("{\"kind\":\"incoming\",\"clientId\":12,\"messageId\":40,\"mine\":false}");
    }

    @Test
    void anEventWithoutAClientOrATextLeavesThemOut() {
        assertThat(LiveEvent.incoming(41, null, null).json(7))
                .isEqualTo("{\"kind\":\"incoming\",\"messageId\":41,\"mine\":false}");
        assertThat(LiveEvent.resync().json(7)).isEqualTo("{\"kind\":\"resync\",\"mine\":false}");
        assertThat(LiveEvent.status(43, 12L).json(7))
                .isEqualTo("{\"kind\":\"status\",\"clientId\":12,\"messageId\":43,\"mine\":false}");
        assertThat(LiveEvent.picture(42).json(7)).isEqualTo("{\"kind\":\"picture\",\"messageId\":42,\"mine\":false}");
    }

    @Test
    void aReadEventIsMineOnlyOnTheReadersStreams() {
        LiveEvent event = LiveEvent.read(12, 7);
        assertThat(event.payload()).isEqualTo("READ:12::7");
        assertThat(LiveEvent.fromPayload("READ:12::7")).isEqualTo(event);
        assertThat(event.json(7)).isEqualTo("{\"kind\":\"read\",\"clientId\":12,\"mine\":true}");
        assertThat(event.json(8)).isEqualTo("{\"kind\":\"read\",\"clientId\":12,\"mine\":false}");
    }
}
