// A revision's flag as item attributes: `flagCodec` and `flagData` (body-codec.ts). Items
// written before the codec hold a plain `flag` map and still read.
import { fulfilmentFlagBody, type FulfilmentFlag } from '../contract/fulfilment-flag.ts';
import { bodyCodec, storedBody } from './body-codec.ts';
import { FLAG_DICTIONARY_1 } from './dictionaries/flag-1.ts';

const flagBody = storedBody('flag', [bodyCodec('deflate-raw/flag-1', FLAG_DICTIONARY_1)]);

export const encodeFlag = (flag: FulfilmentFlag) => flagBody.encode(flag);

/** The flag of a stored revision item as stored, not yet checked (for a reader's own schema). */
export const storedFlagJson = (item: Readonly<Record<string, unknown>>): unknown =>
  flagBody.decode(item, `flag of revision ${String(item.sk)}`);

/** The flag of a stored revision item, checked against the contract. */
export const decodeFlag = (item: Readonly<Record<string, unknown>>): FulfilmentFlag =>
  fulfilmentFlagBody.parse(storedFlagJson(item));
