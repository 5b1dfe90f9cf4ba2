// The prices the cost figures use. List prices of one region, written down by hand: this
// machine has no internet access, so they could not be checked live. Change them here
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
  note: 'China regions (cn-north-1, cn-northwest-1) are priced separately in CNY by the local operators; their prices are not known here.',
} as const;
