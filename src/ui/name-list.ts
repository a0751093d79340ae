/** Names joined as the reader's language joins them: "Ann, Ben and Cat" (built once per page). */
const conjunction = new Intl.ListFormat(undefined, { type: 'conjunction' });

export const nameList = (names: readonly string[]): string => conjunction.format(names);
