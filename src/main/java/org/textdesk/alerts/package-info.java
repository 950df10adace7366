/**
 * Email alerts (issue 21 point 2): a caseworker's own email address and alert choice (My settings), and the
 * clustered job that emails them when a text from one of their clients has waited unread too long - a count
 * and a link to My inbox, never a name, number or message.
 */
package org.textdesk.alerts;
