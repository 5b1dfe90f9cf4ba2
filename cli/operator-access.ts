// The operator tools' view of a connection (shared/operations): the same clients the other
// commands use, plus the document client and the table names of the stage.
import { STSClient } from '@aws-sdk/client-sts';
import { REGISTRY } from '../local/registry.ts';
import type { OperatorAccess } from '../shared/operations/dead-letters.ts';
import { callerIdentity } from '../shared/operations/redrive-identity.ts';
import type { SenderIdentity } from '../shared/operations/redrive-sender.ts';
import { tableName } from '../shared/resources/tables.ts';
import { createDocumentClient } from '../shared/storage/clients.ts';
import type { ServiceConnection } from './connection.ts';

export function operatorAccess(connection: ServiceConnection): OperatorAccess {
  // On AWS, who the caller's credentials are: redriving an inbound queue of an institution with
  // a registered role needs the service's redrive role (docs/operations.md). Locally: no IAM.
  let identity: Promise<SenderIdentity> | undefined;
  const aws = connection.target === 'aws';
  return {
    ...(aws ? { whoAmI: () => (identity ??= callerIdentity(new STSClient({}), connection.stage)) } : {}),
    sqs: connection.sqs,
    db: createDocumentClient(connection.dynamodb),
    stage: connection.stage,
    registry: REGISTRY,
    quarantineTable: tableName(connection.stage, 'quarantine'),
    queueUrl: (name) => connection.queueUrl(name),
  };
}
