/**
 * Away and coverage (issue 21 point 1): a caseworker away (from, until, the away message) and the colleague who
 * covers meanwhile; the away message answered once per client per day instead of the Text Response; and the
 * record of every open of a client's texts by the colleague covering, listed for admins. Whether someone is away
 * is always a query on the injected clock's time: an away period ends by itself at its "until".
 */
package org.textdesk.coverage;
