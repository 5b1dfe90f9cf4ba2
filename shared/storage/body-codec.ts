// Large JSON bodies stored deflated against a fixed dictionary of typical bodies of their kind.
// DynamoDB bills a write by the whole item's size in 1 KB steps: a flag revision's JSON is
// 2-4 KB (mostly the same English reason and remedy sentences) and a dossier's about 800 bytes,
// which put their items at three units and two; deflated against their dictionary they take
// about 250 and 90 bytes, and both items fit one unit (docs/capacity.md §8). An item names its
// codec, so a better dictionary is a new codec beside the old, never a change to it. Each kind
// keeps its own codecs (stored-flag.ts, stored-dossier.ts), so a function bundles only the
// dictionaries of the bodies it stores.
import { deflateRawSync, inflateRawSync } from 'node:zlib';

export interface BodyCodec {
  /** Stored with the body, e.g. `deflate-raw/flag-1`. */
  readonly id: string;
  readonly dictionary: Buffer;
}

/** A codec whose dictionary is kept deflated in base64 (dictionaries/*.ts), inflated on first use. */
export function bodyCodec(id: string, packedDictionary: string): BodyCodec {
  let dictionary: Buffer | undefined;
  return {
    id,
    get dictionary() {
      dictionary ??= inflateRawSync(Buffer.from(packedDictionary, 'base64'));
      return dictionary;
    },
  };
}

/** The dictionary's bytes (its test pins them: a published dictionary never changes). */
export function dictionaryBytes(packedDictionary: string): Buffer {
  return inflateRawSync(Buffer.from(packedDictionary, 'base64'));
}

export function encodeBody(codec: BodyCodec, body: unknown): Uint8Array {
  return deflateRawSync(JSON.stringify(body), { dictionary: codec.dictionary });
}

/** The JSON value of a stored body (the caller checks it with its schema). */
export function decodeBody(
  codecs: readonly BodyCodec[],
  stored: { readonly codec: unknown; readonly data: unknown },
  what: string,
): unknown {
  const codec = codecs.find((c) => c.id === stored.codec);
  if (!codec) throw new Error(`${what}: unknown codec ${String(stored.codec)}`);
  if (!(stored.data instanceof Uint8Array)) throw new Error(`${what}: the stored body is not binary`);
  return JSON.parse(inflateRawSync(stored.data, { dictionary: codec.dictionary }).toString('utf8'));
}

/**
 * A body stored as the item attributes `<name>Codec` and `<name>Data`, written with the newest
 * of `codecs`; an item from before the codec holds a plain `<name>` map, read as it is.
 */
export function storedBody<N extends string>(name: N, codecs: readonly BodyCodec[]) {
  const current = codecs.at(-1)!;
  const codecAttribute = `${name}Codec` as const;
  const dataAttribute = `${name}Data` as const;
  return {
    codecAttribute,
    dataAttribute,
    encode: (body: unknown) =>
      ({ [codecAttribute]: current.id, [dataAttribute]: encodeBody(current, body) }) as Record<
        `${N}Codec` | `${N}Data`,
        unknown
      >,
    /** The body's JSON value, not yet checked (the caller parses it with its schema). */
    decode(item: Readonly<Record<string, unknown>>, what: string): unknown {
      if (item[codecAttribute] === undefined) return item[name];
      return decodeBody(codecs, { codec: item[codecAttribute], data: item[dataAttribute] }, what);
    },
  };
}
