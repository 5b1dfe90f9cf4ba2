// The operator tools' view of a connection (shared/operations): the same clients the other
// commands use, plus the document client and the table names of the stage.
import { REGISTRY } from '../local/registry.ts';
import type { OperatorAccess } from '../shared/operations/dead-letters.ts';
import { tableName } from '../shared/resources/tables.ts';
import { createDocumentClient } from '../shared/storage/clients.ts';
import type { ServiceConnection } from './connection.ts';

export function operatorAccess(connection: ServiceConnection): OperatorAccess {
  return {
    sqs: connection.sqs,
    db: createDocumentClient(connection.dynamodb),
    stage: connection.stage,
    registry: REGISTRY,
    quarantineTable: tableName(connection.stage, 'quarantine'),
    queueUrl: (name) => connection.queueUrl(name),
  };
}
