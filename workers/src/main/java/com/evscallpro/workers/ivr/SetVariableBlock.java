package com.evscallpro.workers.ivr;

import org.springframework.stereotype.Component;

/**
 * {@code ivr.set}: sets the process variable {@code variable} to {@code value} (text), and the channel variable
 * {@code channelVariable} too when given (for the dialplan after the IVR, or the CDR on the Asterisk side).
 */
@Component
class SetVariableBlock implements IvrBlock {

    @Override
    public String name() {
        return "set";
    }

    @Override
    public void run(IvrStep step) {
        String variable = step.required("variable");
        if (!IvrBlocks.VARIABLE_NAME.matcher(variable).matches()) {
            throw new IllegalArgumentException("'" + variable + "' is not a variable name");
        }
        Object value = step.raw("value");
        step.output(variable, value);
        String channelVariable = step.text("channelVariable", null);
        if (channelVariable != null) {
            if (!IvrBlocks.VARIABLE_NAME.matcher(channelVariable).matches()) {
                throw new IllegalArgumentException("'" + channelVariable + "' is not a channel variable name");
            }
            step.channel().setVariable(channelVariable, value == null ? "" : value.toString());
        }
        step.outcome = "SET";
    }
}
