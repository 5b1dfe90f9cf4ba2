// Stable, non-reversible tokens for places that must not carry raw identifiers or that
// limit length and characters: message group ids, deduplication ids, message ids.
import { createHash } from 'node:crypto';
import { MESSAGE_ID_PATTERN } from '../contract/primitives.ts';

export function sha256Hex(...parts: readonly string[]): string {
  const hash = createHash('sha256');
  // A separator that no part can contain keeps ('ab','c') and ('a','bc') apart.
  parts.forEach((part, index) => hash.update(index === 0 ? part : `\u0000${part}`));
  return hash.digest('hex');
}

/**
 * A contract message id `<prefix>:<token>`: the token as is when the whole id fits
 * `^[A-Za-z0-9._:-]{1,64}$`, otherwise a hash of the token, so it always fits.
 */
export function contractMessageId(prefix: string, token: string): string {
  const plain = `${prefix}:${token}`;
  if (MESSAGE_ID_PATTERN.test(plain)) return plain;
  const room = Math.max(8, 63 - prefix.length);
  const id = `${prefix}:${sha256Hex(token).slice(0, Math.min(room, 40))}`;
  if (!MESSAGE_ID_PATTERN.test(id)) throw new Error(`message id prefix ${prefix} does not fit the contract`);
  return id;
}
