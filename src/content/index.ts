/**
 * The Facebook content script. An untrusted context: it may only send `content` requests,
 * whose map (src/messaging/content-requests.ts) is empty until cross-posting lands (issue 7),
 * so for now it deliberately does nothing on the page.
 */
export {};
