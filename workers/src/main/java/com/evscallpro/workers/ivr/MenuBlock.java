package com.evscallpro.workers.ivr;

import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code ivr.menu}: plays {@code prompt} and collects a choice among {@code choices} ({@code "1,2,3"}) within
 * {@code timeoutSeconds} (default 5), up to {@code 1 + retries} times (default 2 retries), playing
 * {@code invalidPrompt} (default {@code option-is-invalid}) after a wrong key and {@code noInputPrompt} (default none:
 * the prompt again) after silence. Completes with the choice in {@code resultVariable} (default {@code menuChoice});
 * the flow branches on it. Errors: {@code IVR_NO_INPUT}, {@code IVR_INVALID_INPUT}.
 */
@Component
class MenuBlock implements IvrBlock {

    private final Prompts prompts;

    MenuBlock(Prompts prompts) {
        this.prompts = prompts;
    }

    @Override
    public String name() {
        return "menu";
    }

    @Override
    public void run(IvrStep step) {
        Set<String> choices = IvrBlocks.choices(step.required("choices"));
        int maxDigits = choices.stream().mapToInt(String::length).max().orElse(1);
        String variable = step.text("resultVariable", "menuChoice");
        if (!IvrBlocks.VARIABLE_NAME.matcher(variable).matches()) {
            throw new IllegalArgumentException("resultVariable '" + variable + "' is not a variable name");
        }
        String choice = IvrBlocks.ask(step, prompts, step.required("prompt"),
                step.integer("timeoutSeconds", 5, 1, 60), maxDigits, step.integer("retries", 2, 0, 9),
                step.text("noInputPrompt", null), step.text("invalidPrompt", "option-is-invalid"), choices::contains);
        step.output(variable, choice);
        step.outcome = choice;
    }
}
