package com.evscallpro.workers.ivr;

import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@code ivr.collect}: collects a number (account, postcode, card…) of {@code minDigits} to {@code maxDigits} digits
 * (ended by {@code #} or the maximum), valid when it matches {@code pattern} (a regular expression, optional) and
 * passes {@code check} ({@code luhn}, {@code fr-postcode}, or none). Retries and prompts as the menu. Completes with
 * the number in {@code resultVariable} (default {@code collected}). The journey keeps only its last two digits unless
 * {@code recordDigits} is true (the number may be personal data). Errors: {@code IVR_NO_INPUT},
 * {@code IVR_INVALID_INPUT}.
 */
@Component
class CollectBlock implements IvrBlock {

    private final Prompts prompts;

    CollectBlock(Prompts prompts) {
        this.prompts = prompts;
    }

    @Override
    public String name() {
        return "collect";
    }

    @Override
    public void run(IvrStep step) {
        int min = step.integer("minDigits", 1, 1, 32);
        int max = step.integer("maxDigits", 10, min, 32);
        String variable = step.text("resultVariable", "collected");
        if (!IvrBlocks.VARIABLE_NAME.matcher(variable).matches()) {
            throw new IllegalArgumentException("resultVariable '" + variable + "' is not a variable name");
        }
        Predicate<String> valid = d -> d.length() >= min && d.length() <= max && d.chars().allMatch(Character::isDigit);
        String pattern = step.text("pattern", null);
        if (pattern != null) {
            valid = valid.and(Pattern.compile(pattern).asMatchPredicate());
        }
        valid = valid.and(check(step.text("check", "none")));
        String number = IvrBlocks.ask(step, prompts, step.required("prompt"), step.integer("timeoutSeconds", 5, 1, 60),
                max, step.integer("retries", 2, 0, 9), step.text("noInputPrompt", null),
                step.text("invalidPrompt", "option-is-invalid"), valid);
        step.output(variable, number);
        step.outcome = "VALID";
        if (!step.flag("recordDigits", false)) {
            String typed = step.digits.toString();
            step.digits.setLength(0);
            step.digits.append(typed.length() <= 2 ? typed : "*".repeat(typed.length() - 2)
                    + typed.substring(typed.length() - 2));
        }
    }

    static Predicate<String> check(String name) {
        return switch (name) {
            case "none" -> d -> true;
            case "luhn" -> CollectBlock::luhn;
            case "fr-postcode" -> d -> d.matches("(0[1-9]|[1-8][0-9]|9[0-8])[0-9]{3}");
            default -> throw new IllegalArgumentException("unknown check '" + name + "' (none, luhn, fr-postcode)");
        };
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return digits.length() > 1 && sum % 10 == 0;
    }
}
