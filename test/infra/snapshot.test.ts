// Snapshot of both templates, asset hashes normalised, so any change to the synthesized
// infrastructure shows up in review.
import type { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, expect, it } from 'vitest';
import { synthesize, type Synthesized } from './synth.ts';

let s: Synthesized;
beforeAll(() => {
  s = synthesize();
});

/** Asset hashes (S3 keys of function code) change with every handler edit: replace them. */
function normalised(template: Template): string {
  return `${JSON.stringify(template.toJSON(), null, 2).replace(/\b[0-9a-f]{64}\b/g, 'ASSET_HASH')}\n`;
}

// Kept as template files next to this test, readable (and diffable) as CloudFormation.
it('the stateful stack matches its snapshot', async () => {
  await expect(normalised(s.stateful)).toMatchFileSnapshot('__snapshots__/Linkage-prod-Stateful.template.json');
});

it('the stateless stack matches its snapshot', async () => {
  const template = normalised(s.stateless);
  expect(template).toContain('"S3Key": "ASSET_HASH.zip"');
  expect(template).not.toMatch(/[0-9a-f]{64}/);
  await expect(template).toMatchFileSnapshot('__snapshots__/Linkage-prod-Stateless.template.json');
});

it('the institution stacks match their snapshot', async () => {
  const templates = Object.fromEntries([...s.institutions].map(([group, template]) => [group, template.toJSON()]));
  const text = `${JSON.stringify(templates, null, 2).replace(/\b[0-9a-f]{64}\b/g, 'ASSET_HASH')}\n`;
  await expect(text).toMatchFileSnapshot('__snapshots__/Linkage-prod-Institutions.templates.json');
});
