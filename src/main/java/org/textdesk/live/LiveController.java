package org.textdesk.live;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.textdesk.staff.StaffPrincipal;

/**
 * {@code GET /events}: the event stream of an open page (logged-in staff only, as every page); a conversation opens
 * {@code GET /events?client=<id>}.
 */
@Controller
class LiveController {

    private final LiveStreams streams;

    LiveController(LiveStreams streams) {
        this.streams = streams;
    }

    /**
     * @param client the client whose conversation the page shows (its texts' statuses and pictures are sent to it);
     *               none for every other page, which is sent what changes the navigation's counts
     */
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(@AuthenticationPrincipal StaffPrincipal staff,
            @RequestParam(name = "client", required = false) Long client) {
        return streams.open(staff, client);
    }

    /** The navigation's counts (the layout's own fragments, counted by the inbox module's advice). */
    @GetMapping("/events/counts")
    String counts() {
        return "live/counts";
    }
}
