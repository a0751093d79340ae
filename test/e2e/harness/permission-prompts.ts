/**
 * Firefox's own automation preference that answers an extension's optional-permission question
 * ("Allow Murmur on this site?") with yes, as a person clicking "Allow" would; the request still
 * goes through the browser's real permission path. Chromium has no such switch, and its headless
 * browser never answers the prompt (the request stays pending), so tests of what follows a grant
 * run in Firefox.
 */
export const ANSWER_PERMISSION_PROMPTS_YES = {
  'extensions.webextOptionalPermissionPrompts': false,
} as const;
