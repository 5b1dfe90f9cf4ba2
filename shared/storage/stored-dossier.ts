// An application's dossier as item attributes: `dossierCodec` and `dossierData`
// (body-codec.ts). Items written before the codec hold a plain `dossier` map and still read.
import { bodyCodec, decodeBody, encodeBody } from './body-codec.ts';
import { DOSSIER_DICTIONARY_1 } from './dictionaries/dossier-1.ts';

const DOSSIER_CODECS = [bodyCodec('deflate-raw/dossier-1', DOSSIER_DICTIONARY_1)];
/** New dossiers are written with the newest codec. */
const CURRENT = DOSSIER_CODECS.at(-1)!;

type Item = Readonly<Record<string, unknown>>;

export function encodeDossier(dossier: unknown): { dossierCodec: string; dossierData: Uint8Array } {
  return { dossierCodec: CURRENT.id, dossierData: encodeBody(CURRENT, dossier) };
}

/**
 * An application item with its dossier as a plain map again, for the `storedApplication`
 * schema to check; an item without the codec is returned as it is.
 */
export function withDossier(item: Item): Item {
  if (item.dossierCodec === undefined) return item;
  const { dossierCodec, dossierData, ...rest } = item;
  const what = `dossier of application ${String(item.sk)}`;
  return { ...rest, dossier: decodeBody(DOSSIER_CODECS, { codec: dossierCodec, data: dossierData }, what) };
}
