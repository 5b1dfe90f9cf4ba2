// The five DynamoDB tables, built from their shared definitions: on-demand, point-in-time
// recovery, encrypted with the service's customer-managed key, retained and protected
// against deletion.
import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  Table,
  TableEncryption,
  type Attribute,
  type GlobalSecondaryIndexProps,
} from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import {
  TABLES,
  tableName,
  type IndexProjection,
  type KeyAttribute,
  type TableDefinition,
  type TableId,
} from '../../shared/resources/tables.ts';

function attribute(key: KeyAttribute): Attribute {
  return { name: key.name, type: key.type === 'S' ? AttributeType.STRING : AttributeType.NUMBER };
}

function projectionOf(
  projection: IndexProjection,
): Pick<GlobalSecondaryIndexProps, 'projectionType' | 'nonKeyAttributes'> {
  return {
    projectionType: ProjectionType[projection.type],
    ...(projection.type === 'INCLUDE' ? { nonKeyAttributes: [...projection.nonKeyAttributes] } : {}),
  };
}

function pascal(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

export interface DataTablesProps {
  readonly stage: string;
  readonly key: IKey;
}

export class DataTables extends Construct {
  readonly tables: Readonly<Record<TableId, Table>>;

  constructor(scope: Construct, id: string, props: DataTablesProps) {
    super(scope, id);
    const definitions: readonly TableDefinition[] = Object.values(TABLES);
    const entries = definitions.map((definition) => [definition.id, this.table(props, definition)] as const);
    this.tables = Object.fromEntries(entries) as Record<TableId, Table>;
  }

  private table(props: DataTablesProps, definition: TableDefinition): Table {
    const table = new Table(this, pascal(definition.id), {
      tableName: tableName(props.stage, definition.id),
      partitionKey: attribute(definition.partitionKey),
      ...(definition.sortKey ? { sortKey: attribute(definition.sortKey) } : {}),
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      ...(definition.timeToLiveAttribute ? { timeToLiveAttribute: definition.timeToLiveAttribute } : {}),
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    });
    for (const index of definition.globalIndexes ?? []) {
      table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        ...(index.sortKey ? { sortKey: attribute(index.sortKey) } : {}),
        ...projectionOf(index.projection),
      });
    }
    return table;
  }
}
