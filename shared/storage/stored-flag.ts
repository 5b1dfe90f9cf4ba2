// A revision's flag as item attributes: `flagCodec` and `flagData` (body-codec.ts). Items
// written before the codec hold a plain `flag` map and still read.
import { fulfilmentFlagBody, type FulfilmentFlag } from '../contract/fulfilment-flag.ts';
import { bodyCodec, decodeBody, encodeBody } from './body-codec.ts';
import { FLAG_DICTIONARY_1 } from './dictionaries/flag-1.ts';

const FLAG_CODECS = [bodyCodec('deflate-raw/flag-1', FLAG_DICTIONARY_1)];
/** New revisions are written with the newest codec. */
const CURRENT = FLAG_CODECS.at(-1)!;

type Item = Readonly<Record<string, unknown>>;

export function encodeFlag(flag: FulfilmentFlag): { flagCodec: string; flagData: Uint8Array } {
  return { flagCodec: CURRENT.id, flagData: encodeBody(CURRENT, flag) };
}

/** The flag of a stored revision item as stored, not yet checked (for a reader's own schema). */
export function storedFlagJson(item: Item): unknown {
  if (item.flagCodec === undefined) return item.flag;
  return decodeBody(FLAG_CODECS, { codec: item.flagCodec, data: item.flagData }, `flag of revision ${String(item.sk)}`);
}

/** The flag of a stored revision item, checked against the contract. */
export function decodeFlag(item: Item): FulfilmentFlag {
  return fulfilmentFlagBody.parse(storedFlagJson(item));
}
