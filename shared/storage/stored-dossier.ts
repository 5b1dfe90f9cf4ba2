// An application's dossier as item attributes: `dossierCodec` and `dossierData`
// (body-codec.ts). Items written before the codec hold a plain `dossier` map and still read.
import { bodyCodec, storedBody } from './body-codec.ts';
import { DOSSIER_DICTIONARY_1 } from './dictionaries/dossier-1.ts';

const dossierBody = storedBody('dossier', [bodyCodec('deflate-raw/dossier-1', DOSSIER_DICTIONARY_1)]);

export const encodeDossier = (dossier: unknown) => dossierBody.encode(dossier);

/** An application item with its dossier as a plain map again, for `storedApplication` to check. */
export function withDossier(item: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
  const { [dossierBody.codecAttribute]: _codec, [dossierBody.dataAttribute]: _data, ...rest } = item;
  return { ...rest, dossier: dossierBody.decode(item, `dossier of application ${String(item.sk)}`) };
}
