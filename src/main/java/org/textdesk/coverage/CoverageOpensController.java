package org.textdesk.coverage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Opens through coverage, for admins (/admin/**): who opened which client's texts while covering for whom. */
@Controller
class CoverageOpensController {

    private final CoverageOpens opens;

    CoverageOpensController(CoverageOpens opens) {
        this.opens = opens;
    }

    @GetMapping("/admin/coverage-opens")
    String showCoverageOpens(@RequestParam(defaultValue = "1") String page, Model model) {
        int number = page.matches("[1-9][0-9]{0,5}") ? Integer.parseInt(page) : 1;
        model.addAttribute("coverageOpens", opens.page(number));
        return "coverage/opens";
    }
}
