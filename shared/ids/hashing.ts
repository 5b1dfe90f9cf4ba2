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

const MESSAGE_ID_CHARACTERS = /^[A-Za-z0-9._:-]+$/;

/**
 * A contract message id `<prefix><variable><suffix>` that always fits `^[A-Za-z0-9._:-]{1,64}$`:
 * the variable part as is when it fits, otherwise (other characters, too long) a hash of it.
 */
export function composeMessageId(prefix: string, variable: string, suffix = ''): string {
  const room = 64 - prefix.length - suffix.length;
  const token =
    MESSAGE_ID_CHARACTERS.test(variable) && variable.length <= room
      ? variable
      : sha256Hex(variable).slice(0, Math.min(room, 32));
  const id = `${prefix}${token}${suffix}`;
  if (room < 16 || !MESSAGE_ID_PATTERN.test(id))
    throw new Error(`message id ${prefix}…${suffix} cannot fit the contract`);
  return id;
}
