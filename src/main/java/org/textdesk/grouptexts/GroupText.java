package org.textdesk.grouptexts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.textdesk.texts.MessageStatus;

/** A group text as its pages show it: who sent it, the message, how the clients were chosen, when. */
public record GroupText(long id, long authorId, String authorName, String body, String filterKey, Long caseworkerId,
        String caseworkerName, LocalDate day, int recipientCount, Instant createdAt, Instant cancelledAt,
        String cancelledByName) {

    public boolean cancelled() {
        return cancelledAt != null;
    }

    /** What became of one chosen client's text. */
    public enum Outcome {
        /** In the queue: its turn has not come yet. */
        QUEUED,
        /** In the queue until quiet hours end in the client's time ({@link Recipient#nextTryAt}). */
        WAITING_QUIET_HOURS,
        /** Twilio refused it for a while; it is tried again at {@link Recipient#nextTryAt}. */
        RETRYING,
        /** Handed to Twilio: {@link Recipient#messageStatus} says what Twilio said since. */
        SENT,
        /** A rule refused it when its turn came (a STOP meanwhile...): not sent. */
        HELD,
        /** Twilio refused it for good. */
        FAILED,
        /** Cancelled before it went. */
        CANCELLED,
        /** Not in the group's queue at all: the preview's reason. */
        LEFT_OUT;

        /** No longer waiting to go. */
        boolean settled() {
            return this != QUEUED && this != WAITING_QUIET_HOURS && this != RETRYING;
        }
    }

    /** A chosen client, with their scheduled text's state and its message's Twilio status when it went. */
    public record Recipient(long clientId, String clientName, Long scheduledTextId, String state, String waitingFor,
            Instant nextTryAt, String reason, Long messageId, String messageStatus, String errorCode,
            String leftOutBecause, String leftOutDetail) {

        public Outcome outcome() {
            if (scheduledTextId == null) {
                return Outcome.LEFT_OUT;
            }
            return switch (state) {
                case "SCHEDULED" -> "QUIET_HOURS".equals(waitingFor) ? Outcome.WAITING_QUIET_HOURS
                        : "RETRY".equals(waitingFor) ? Outcome.RETRYING : Outcome.QUEUED;
                case "SENT" -> Outcome.SENT;
                case "HELD" -> Outcome.HELD;
                case "FAILED" -> Outcome.FAILED;
                case "CANCELLED" -> Outcome.CANCELLED;
                default -> throw new IllegalStateException("a scheduled text in state " + state);
            };
        }
    }

    /**
     * How far the sending is: of the {@code total} clients getting it, {@code settled} no longer wait (sent, held,
     * failed or cancelled); {@code handingOver} of the sent ones are being handed to Twilio (a text is claimed, as
     * sent, before Twilio is called), so their Twilio status is still to come.
     */
    public record Progress(int total, int settled, int sent, int notSent, int cancelled, int waitingQuietHours,
            int handingOver) {

        static Progress of(List<Recipient> recipients) {
            int total = 0;
            int settled = 0;
            int sent = 0;
            int notSent = 0;
            int cancelled = 0;
            int quiet = 0;
            int handingOver = 0;
            for (Recipient recipient : recipients) {
                Outcome outcome = recipient.outcome();
                if (outcome == Outcome.LEFT_OUT) {
                    continue;
                }
                total++;
                settled += outcome.settled() ? 1 : 0;
                sent += outcome == Outcome.SENT ? 1 : 0;
                notSent += outcome == Outcome.HELD || outcome == Outcome.FAILED ? 1 : 0;
                cancelled += outcome == Outcome.CANCELLED ? 1 : 0;
                quiet += outcome == Outcome.WAITING_QUIET_HOURS ? 1 : 0;
                boolean answerToCome = MessageStatus.PENDING.equals(recipient.messageStatus());
                handingOver += outcome == Outcome.SENT && answerToCome ? 1 : 0;
            }
            return new Progress(total, settled, sent, notSent, cancelled, quiet, handingOver);
        }

        /** No text waits any more: nothing left to cancel. */
        public boolean allSettled() {
            return settled == total;
        }

        /** Nothing will change but Twilio's later statuses: the page stops asking. */
        public boolean finished() {
            return allSettled() && handingOver == 0;
        }

        public int percent() {
            return total == 0 ? 100 : settled * 100 / total;
        }
    }
}
