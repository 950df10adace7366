package org.textdesk.logcheck;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.Map;

/**
 * Receives every log event of the test run (src/test/resources/logback-test.xml) and hands its text to
 * {@link LogLeaks}: the message with its arguments, MDC values and every exception message in the
 * chain (causes and suppressed ones).
 */
public class LeakCheckingAppender extends AppenderBase<ILoggingEvent> {

    @Override
    protected void append(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(String.valueOf(event.getFormattedMessage()));
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (mdc != null) {
            mdc.forEach((key, value) -> text.append(' ').append(key).append('=').append(value));
        }
        appendThrowable(text, event.getThrowableProxy(), 0);
        LogLeaks.logged(event.getLoggerName(), String.valueOf(event.getLevel()), text.toString());
    }

    private static void appendThrowable(StringBuilder text, IThrowableProxy thrown, int depth) {
        if (thrown == null || depth > 20) {
            return;
        }
        text.append('\n').append(thrown.getClassName()).append(": ").append(thrown.getMessage());
        if (thrown.getSuppressed() != null) {
            for (IThrowableProxy suppressed : thrown.getSuppressed()) {
                appendThrowable(text, suppressed, depth + 1);
            }
        }
        appendThrowable(text, thrown.getCause(), depth + 1);
    }
}
