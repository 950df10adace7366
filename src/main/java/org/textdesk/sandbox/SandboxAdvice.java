package org.textdesk.sandbox;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page whether the sandbox is on: the layout's banner, Twilio Setup's note, the Client's phone link. */
@ControllerAdvice
class SandboxAdvice {

    private final SandboxSwitch sandboxSwitch;

    SandboxAdvice(SandboxSwitch sandboxSwitch) {
        this.sandboxSwitch = sandboxSwitch;
    }

    @ModelAttribute("sandboxOn")
    boolean sandboxOn() {
        return sandboxSwitch.isOn();
    }
}
