// The function catalogue (shared/resources/functions.ts) against everything derived from it:
// the CDK app's functions, event sources, schedule and table grants; local mode's functions
// and pollers; the registry's sending kinds; the contract's schema and sender per kind; the
// handler files. A catalogue entry that one of them does not follow fails here.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkIdempotencyGrant } from '../../functions/ingest-handler.ts';
import { LOCAL_FUNCTIONS } from '../../local/functions.ts';
import { INBOUND_SCHEMAS, SENDER_KIND_OF, type SchemaName } from '../../shared/contract/messages.ts';
import {
  FUNCTIONS,
  FUNCTION_NAMES,
  INGEST_FUNCTION_NAMES,
  SENDING_KINDS,
  functionName,
  ingestFunctionOf,
  tablesOf,
  type FunctionDefinition,
  type FunctionName,
} from '../../shared/resources/functions.ts';
import { evaluateQueue } from '../../shared/resources/queues.ts';
import { INSTITUTION_KINDS, isSender } from '../../shared/resources/registry.ts';
import { TABLES } from '../../shared/resources/tables.ts';
import { eventSources, resourcesOf, STAGE, synthesize, type Synthesized } from './synth.ts';

let s: Synthesized;
beforeAll(() => {
  s = synthesize();
});

/** The queues each function consumes in the CDK app, by short function name. */
function deployedSources(): Map<string, string[]> {
  const sources = new Map<string, string[]>();
  for (const { functionName: fn, queueName } of eventSources(s)) {
    const name = fn.replace(`linkage-${STAGE}-`, '');
    sources.set(name, [...(sources.get(name) ?? []), queueName].sort());
  }
  return sources;
}

/** A catalogue entry as this check reads it: wider than FunctionDefinition, so a wrong one can be tried. */
interface Entry {
  readonly trigger: { readonly type: string; readonly kind?: string; readonly schema?: string };
  readonly tables: Readonly<Record<string, unknown>>;
}

/** What a catalogue needs besides itself; a new sending kind that misses one of these is named. */
function catalogueProblems(catalogue: Readonly<Record<string, Entry>>): string[] {
  const problems: string[] = [];
  const kinds = new Map<string, string>();
  for (const [name, fn] of Object.entries(catalogue)) {
    if (!existsSync(new URL(`../../functions/${name}/handler.ts`, import.meta.url)))
      problems.push(`${name}: no functions/${name}/handler.ts`);
    for (const table of Object.keys(fn.tables)) if (!(table in TABLES)) problems.push(`${name}: no table ${table}`);
    const { trigger } = fn;
    if (trigger.type !== 'inbound' || !trigger.kind || !trigger.schema) continue;
    const other = kinds.get(trigger.kind);
    if (other) problems.push(`${name}: ${trigger.kind} is already served by ${other}`);
    kinds.set(trigger.kind, name);
    if (!(trigger.schema in INBOUND_SCHEMAS)) problems.push(`${name}: the contract has no inbound ${trigger.schema}`);
    else if (SENDER_KIND_OF[trigger.schema as SchemaName] !== trigger.kind)
      problems.push(
        `${name}: the contract lets ${SENDER_KIND_OF[trigger.schema as SchemaName]} send ${trigger.schema}`,
      );
  }
  for (const schema of Object.keys(INBOUND_SCHEMAS))
    if (![...Object.values(catalogue)].some((fn) => fn.trigger.type === 'inbound' && fn.trigger.schema === schema))
      problems.push(`no function ingests ${schema}`);
  return problems;
}

describe('function catalogue', () => {
  it('is complete: handlers, tables, one ingest function per sending kind, the contract agreeing', () => {
    expect(catalogueProblems(FUNCTIONS)).toEqual([]);
  });

  it('names every missing piece of a new sending kind', () => {
    const trigger = { type: 'inbound', kind: 'PROCURATORATE', schema: 'linkage.complaint.v1' } as const;
    // The compiler refuses a schema the contract does not have (Trigger's InboundSchemaName) ...
    // @ts-expect-error linkage.complaint.v1 is not an inbound schema of the contract
    const refused: FunctionDefinition['trigger'] = trigger;
    expect(refused.type).toBe('inbound');
    const complaint = { trigger, tables: { cases: 'readWrite', complaints: 'put' } };
    // ... and this check names the rest.
    expect(catalogueProblems({ ...FUNCTIONS, 'ingest-complaint': complaint })).toEqual([
      'ingest-complaint: no functions/ingest-complaint/handler.ts',
      'ingest-complaint: no table complaints',
      'ingest-complaint: the contract has no inbound linkage.complaint.v1',
    ]);
    const twice = { ...FUNCTIONS['ingest-status'], trigger: { ...FUNCTIONS['ingest-status'].trigger, kind: 'PRISON' } };
    expect(catalogueProblems({ ...FUNCTIONS, 'ingest-status': twice })).toEqual([
      'ingest-status: the contract lets ENFORCING_COURT send linkage.enforcement-status.v1',
      'ingest-dossier: PRISON is already served by ingest-status',
    ]);
  });

  it('the CDK app deploys exactly its functions, with their timeouts and the tables they need', () => {
    const deployed = new Map(
      resourcesOf(s.stateless, 'AWS::Lambda::Function').map(([, fn]) => [
        String(fn.Properties.FunctionName).replace(`linkage-${STAGE}-`, ''),
        fn.Properties,
      ]),
    );
    expect([...deployed.keys()].sort()).toEqual([...FUNCTION_NAMES].sort());
    for (const name of FUNCTION_NAMES) {
      const props = deployed.get(name)!;
      expect(props.Timeout, name).toBe(FUNCTIONS[name].timeoutSeconds);
      const env = (props.Environment as { Variables: Record<string, string> }).Variables;
      const told = Object.values(TABLES)
        .filter((t) => env[t.envVar] !== undefined)
        .map((t) => t.id);
      expect(told.sort(), name).toEqual([...tablesOf(name)].sort());
    }
  });

  it('only ingest-ruling, the one function accepting once per message, is given the idempotency table', () => {
    expect(FUNCTION_NAMES.filter((name) => 'idempotency' in FUNCTIONS[name].tables)).toEqual(['ingest-ruling']);
    expect(() => checkIdempotencyGrant('ingest-ruling', true)).not.toThrow();
    expect(() => checkIdempotencyGrant('ingest-status', false)).not.toThrow();
    expect(() => checkIdempotencyGrant('ingest-status', true)).toThrow(/grants it no idempotency table/);
    expect(() => checkIdempotencyGrant('ingest-ruling', false)).toThrow(/does not accept once per message/);
  });

  it('the CDK app and local mode feed each function from the same queues, and the registry agrees on who sends', () => {
    const deployed = deployedSources();
    const local = new Map(
      LOCAL_FUNCTIONS.flatMap((fn) =>
        fn.trigger.kind === 'sqs'
          ? [
              [
                fn.name,
                fn.trigger
                  .queues(STAGE, s.registry)
                  .map((q) => q.name)
                  .sort(),
              ] as const,
            ]
          : [],
      ),
    );
    const expected = new Map<FunctionName, string[]>();
    for (const name of FUNCTION_NAMES) {
      const { trigger } = FUNCTIONS[name];
      if (trigger.type === 'evaluate-queue') expected.set(name, [evaluateQueue(STAGE).name]);
      if (trigger.type !== 'inbound') continue;
      const senders = s.registry.institutions.filter((inst) => inst.kind === trigger.kind);
      expect(senders.length, `${trigger.kind} institutions in the registry`).toBeGreaterThan(0);
      expected.set(name, senders.map((inst) => `linkage-${STAGE}-in-${inst.id}`).sort());
    }
    expect(Object.fromEntries(deployed)).toEqual(Object.fromEntries(expected));
    expect(Object.fromEntries(local)).toEqual(Object.fromEntries(expected));
    // The registry's senders are exactly the kinds with an ingest function.
    const sendingKinds = INSTITUTION_KINDS.filter((kind) =>
      isSender({ ...s.registry.institutions[0]!, kind, procuratorateId: undefined }),
    );
    expect(sendingKinds.sort()).toEqual(Object.keys(SENDING_KINDS).sort());
    for (const name of INGEST_FUNCTION_NAMES) expect(ingestFunctionOf(FUNCTIONS[name].trigger.kind)).toBe(name);
  });

  it('local mode runs every function, from its handler module, with its timeout and schedule', () => {
    expect(LOCAL_FUNCTIONS.map((fn) => fn.name)).toEqual(FUNCTION_NAMES);
    for (const fn of LOCAL_FUNCTIONS) {
      expect(fn.module.pathname.endsWith(`/functions/${fn.name}/handler.ts`), fn.name).toBe(true);
      expect(existsSync(fn.module), fn.name).toBe(true);
      expect(fn.timeoutSeconds, fn.name).toBe(FUNCTIONS[fn.name].timeoutSeconds);
    }
    const rules = resourcesOf(s.stateless, 'AWS::Events::Rule');
    const logicalIds = new Map(
      resourcesOf(s.stateless, 'AWS::Lambda::Function').map(([id, fn]) => [String(fn.Properties.FunctionName), id]),
    );
    const scheduled = FUNCTION_NAMES.flatMap((name): { name: FunctionName; local: unknown; rule: string }[] => {
      const { trigger } = FUNCTIONS[name];
      if (trigger.type === 'schedule')
        return [
          {
            name,
            local: { kind: 'schedule', rateMinutes: trigger.rateMinutes },
            rule: `rate(${trigger.rateMinutes} minutes)`,
          },
        ];
      if (trigger.type === 'nightly') {
        const { hour, minute } = trigger.utc;
        return [{ name, local: { kind: 'nightly', utc: trigger.utc }, rule: `cron(${minute} ${hour} * * ? *)` }];
      }
      return [];
    });
    expect(rules).toHaveLength(scheduled.length);
    for (const { name, local, rule: expression } of scheduled) {
      expect(LOCAL_FUNCTIONS.find((fn) => fn.name === name)!.trigger).toEqual(local);
      const id = logicalIds.get(functionName(STAGE, name))!;
      const rule = rules.find(([, r]) => JSON.stringify(r.Properties.Targets).includes(`"${id}"`));
      expect(rule?.[1].Properties.ScheduleExpression, name).toBe(expression);
    }
  });
});
