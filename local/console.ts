// Text local mode prints: the registry with its queues, and one line per invocation.
import { inboundQueue, outboundQueue } from '../shared/resources/queues.ts';
import { isSender, type Registry } from '../shared/resources/registry.ts';
import type { Invocation } from './runner.ts';

export function describeRegistry(registry: Registry, stage: string): string {
  const rows = registry.institutions.map((inst) => [
    inst.id,
    inst.kind,
    isSender(inst) ? inboundQueue(stage, inst.id).name : '-',
    outboundQueue(stage, inst.id).name,
    inst.name,
  ]);
  return [
    `Institutions (config/institutions.json, service ${registry.service.id}):`,
    ...table(['id', 'kind', 'sends to', 'receives from', 'name'], rows),
  ].join('\n');
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  return [line(header), ...rows.map(line)];
}

export function formatInvocation(invocation: Invocation): string {
  const time = new Date().toTimeString().slice(0, 8);
  const source = invocation.queueName ? ` <- ${invocation.queueName}` : ' (schedule)';
  const counts = invocation.queueName ? `  ${invocation.records} record(s), ${invocation.failed} failed` : '';
  const error = invocation.error ? `  ERROR ${invocation.error}` : '';
  return `${time}  ${invocation.functionName}${source}${counts}  ${invocation.durationMs} ms${error}`;
}
