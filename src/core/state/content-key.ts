/**
 * The key delivered content is remembered by in the seen table, beside envelope ids: a hash of
 * who wrote it and its own id (node/content-seen.ts makes it). 64 hex digits like an envelope
 * id, so it lives in the seen table (and backups) as one; a label in the hash keeps the two
 * apart: no envelope can have this id.
 */
export type ContentKey = string & { readonly brand: 'ContentKey' };
