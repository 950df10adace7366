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
        assertThat(LiveEvent.picture(42, 12).payload()).isEqualTo("PICTURE:12:42:");
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
        assertThat(LiveEvent.picture(42, 12).json(7))
                .isEqualTo("{\"kind\":\"picture\",\"clientId\":12,\"messageId\":42,\"mine\":false}");
    }

    @Test
    void aReadEventIsMineOnlyOnTheReadersStreams() {
        LiveEvent event = LiveEvent.read(12, 7);
        assertThat(event.payload()).isEqualTo("READ:12::7");
        assertThat(LiveEvent.fromPayload("READ:12::7")).isEqualTo(event);
        assertThat(event.json(7)).isEqualTo("{\"kind\":\"read\",\"clientId\":12,\"mine\":true}");
        assertThat(event.json(8)).isEqualTo("{\"kind\":\"read\",\"clientId\":12,\"mine\":false}");
    }

    /** What each page uses, as live.js does: a conversation its client's statuses and pictures, every page the rest. */
    @Test
    void aPageIsSentOnlyWhatItUses() {
        Long conversationOf12 = 12L;
        Long otherPage = null;
        LiveEvent statusOf12 = LiveEvent.status(43, 12L);
        LiveEvent pictureOf12 = LiveEvent.picture(42, 12);
        assertThat(LiveStreams.pageNeeds(conversationOf12, 7, statusOf12)).isTrue();
        assertThat(LiveStreams.pageNeeds(conversationOf12, 7, pictureOf12)).isTrue();
        assertThat(LiveStreams.pageNeeds(13L, 7, statusOf12)).isFalse();
        assertThat(LiveStreams.pageNeeds(13L, 7, pictureOf12)).isFalse();
        assertThat(LiveStreams.pageNeeds(otherPage, 7, statusOf12)).isFalse();
        assertThat(LiveStreams.pageNeeds(otherPage, 7, pictureOf12)).isFalse();
        // A status of a text with no client shows in no conversation.
        assertThat(LiveStreams.pageNeeds(conversationOf12, 7, LiveEvent.status(44, null))).isFalse();

        // New texts change every page's counts; a resync refreshes every page.
        assertThat(LiveStreams.pageNeeds(otherPage, 7, LiveEvent.incoming(40, 12L, 8L))).isTrue();
        assertThat(LiveStreams.pageNeeds(13L, 7, LiveEvent.incoming(41, null, null))).isTrue();
        assertThat(LiveStreams.pageNeeds(otherPage, 7, LiveEvent.resync())).isTrue();
        assertThat(LiveStreams.pageNeeds(conversationOf12, 7, LiveEvent.resync())).isTrue();

        // Reading changes only the reader's own counts.
        assertThat(LiveStreams.pageNeeds(otherPage, 7, LiveEvent.read(12, 7))).isTrue();
        assertThat(LiveStreams.pageNeeds(conversationOf12, 7, LiveEvent.read(12, 7))).isTrue();
        assertThat(LiveStreams.pageNeeds(otherPage, 8, LiveEvent.read(12, 7))).isFalse();
        assertThat(LiveStreams.pageNeeds(conversationOf12, 8, LiveEvent.read(12, 7))).isFalse();
    }
}
