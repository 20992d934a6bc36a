/**
 * The hostile-input suite (issue 7, "Bad input"; issue 13): 108 cases in nine classes, one per area, each checking the
 * whole contract (a clear error in the log and the feed's health, the rest of the batch unharmed, nothing
 * written for the refused input).
 *
 * <ul>
 *   <li>{@link com.podcastinsights.hostile.HostileXmlTest}: XML, 15 cases (XXE file, http and parameter entities,
 *       external DTD, billion laughs, quadratic blowup, 1 GB feeds, deep nesting, bad UTF-8, NUL bytes, long lines);</li>
 *   <li>{@link com.podcastinsights.hostile.HostileHttpTest}: HTTP, 32 cases (gzip bomb, trickle, redirect loops,
 *       redirects and URLs aimed at private, metadata, IPv6 and numeric-trick addresses, other schemes, hostile
 *       DNS, control characters);</li>
 *   <li>{@link com.podcastinsights.hostile.HostileTranscriptLinkTest}: transcript links, 5 cases (the HTTP refusals on
 *       the second URL a feed supplies; the episode falls back to its show notes);</li>
 *   <li>{@link com.podcastinsights.hostile.HostileContentTest}: content, 8 cases (markup and links in the email,
 *       CR/LF in headers, script in notes and transcripts, megabyte lines);</li>
 *   <li>{@link com.podcastinsights.hostile.HostileFeedTextTest}: feed text, 3 cases (CR/LF in a channel title, bidi
 *       and zero-width characters in titles and notes, stripped when the feed is parsed);</li>
 *   <li>{@link com.podcastinsights.hostile.HostilePipelineTest}: the pipeline's budgets, 11 cases (a flooding feed,
 *       a back catalogue posing as news, speech-to-text spend, binary "transcripts" through a link and the CLI);</li>
 *   <li>{@link com.podcastinsights.hostile.HostileEventsTest}: events, 14 cases (unknown, misrouted and malformed
 *       events throw and change nothing);</li>
 *   <li>{@link com.podcastinsights.hostile.HostileMailEndpointsTest}: mail and public endpoints, 8 cases (promises in
 *       the email, other configuration sets' feedback, unsubscribe links after a re-subscription or a key rotation, a
 *       flood of bad tokens, suppressed readers added back, a reader's erasure);</li>
 *   <li>{@link com.podcastinsights.hostile.HostileCliInputTest}: CLI inputs, 12 cases ({@code /dev/zero} and a FIFO
 *       through every command that reads a file).</li>
 * </ul>
 *
 * <p>Run: {@code make test-hostile}. docs/operations.md maps each threat to its test.
 */
package com.podcastinsights.hostile;
