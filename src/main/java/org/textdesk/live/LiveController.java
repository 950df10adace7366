package org.textdesk.live;

import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.textdesk.staff.StaffPrincipal;

/** {@code GET /events}: the event stream of an open page (logged-in staff only, as every page). */
@Controller
class LiveController {

    private final LiveStreams streams;

    LiveController(LiveStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter events(@AuthenticationPrincipal StaffPrincipal staff) {
        return streams.open(staff);
    }

    /** The navigation's counts (the layout's own fragments, counted by the inbox module's advice). */
    @GetMapping("/events/counts")
    String counts() {
        return "live/counts";
    }
}
