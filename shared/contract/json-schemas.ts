// JSON Schema documents for integrators, generated from the same zod schemas the service
// validates with. The checks JSON Schema cannot say (check digits, real dates, sums) are
// still enforced by the service and described in each field's text.
import * as z from 'zod/mini';
import { caseFileSchema } from './case-file.ts';
import {
  enforcementStatusMessage,
  fulfilmentFlagMessage,
  reductionDossierMessage,
  rejectionMessage,
  rulingMessage,
  verificationRequestMessage,
} from './messages.ts';

const DOCUMENTS = {
  'linkage.enforcement-status.v1': enforcementStatusMessage,
  'linkage.reduction-dossier.v1': reductionDossierMessage,
  'linkage.ruling.v1': rulingMessage,
  'linkage.fulfilment-flag.v1': fulfilmentFlagMessage,
  'linkage.verification-request.v1': verificationRequestMessage,
  'linkage.rejection.v1': rejectionMessage,
  'linkage.case-file': caseFileSchema,
} as const;

/** File name → JSON text, exactly as committed under schemas/. */
export function renderJsonSchemas(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, schema] of Object.entries(DOCUMENTS)) {
    const document = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
    const withId = { $id: `https://linkage.invalid/schemas/${name}.json`, title: name, ...document };
    files.set(`${name}.json`, `${JSON.stringify(withId, null, 2)}\n`);
  }
  return files;
}
