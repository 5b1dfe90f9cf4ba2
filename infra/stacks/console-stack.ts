// The web console on AWS: the console API function behind API Gateway (tokens verified in the
// function against any OpenID Connect issuer: China regions have no Cognito), and the web pages.
//   public:  regional REST API + S3 bucket + CloudFront (pages at /, API at /api/* on one origin)
//   private: private REST API reachable only through the named interface VPC endpoints
//            (execute-api); the function serves the pages too, so nothing leaves the boundary.
// The API role reads the cases, decisions and quarantine indexes and writes only view entries
// to the access table: it never writes cases or decisions. Users' submissions go on their own
// inbound queue, sent as the console-sender role (assumed; infra/constructs/console-sender-role.ts),
// through the same ingest as any message.
// The operators' dead-letter page works as the service's redrive role (assumed; the role and
// its grants: infra/constructs/redrive-role.ts), never with this role's own permissions.
import { Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  EndpointType,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  OriginRequestPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { RestApiOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { AnyPrincipal, Effect, PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { TABLES, tableName, type TableId } from '../../shared/resources/tables.ts';
import { functionBundling, FUNCTION_NODE_OPTIONS } from '../bundling.ts';
import { LOG_RETENTION, PROJECT_ROOT } from '../constructs/linkage-function.ts';
import { lambdaArchitecture, lambdaRuntime, type RegionSettings } from '../deployment-settings.ts';
import { functionName, queueUrlBase, tableArn, viaService } from '../naming.ts';
import { consoleSenderRoleName, redriveRoleName } from '../../shared/operations/redrive-identity.ts';

export interface OidcSettings {
  /** The `iss` of the tokens, e.g. https://sso.court.example.cn/realms/courts. */
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUri: string;
  /** The console's client id at the identity provider (for the browser's sign-in). */
  readonly clientId: string;
  readonly institutionClaim?: string;
  readonly roleClaim?: string;
  /** Scopes the browser asks for (default "openid profile"): they must put those claims into the ID token. */
  readonly scope?: string;
}

export type ConsoleNetwork =
  { readonly mode: 'public' } | { readonly mode: 'private'; readonly vpcEndpointIds: readonly string[] };

export interface ConsoleStackProps extends StackProps {
  readonly stage: string;
  /** Runtime, architecture and tracing of the region deployed to. */
  readonly settings: RegionSettings;
  /** The key the stateful stack encrypts the tables with. */
  readonly dataKey: IKey;
  /** The key the function logs are encrypted with. */
  readonly logKey: IKey;
  readonly oidc: OidcSettings;
  readonly network: ConsoleNetwork;
  /** The built pages (`npm run console:build`); absent: no pages are deployed (API only). */
  readonly consoleDist?: string;
}

/** What the console reads; the only write is a view entry in the access table. */
const READS: { table: TableId; indexes: readonly string[]; item: boolean }[] = [
  {
    table: 'cases',
    indexes: ['byHearingCourt', 'byPrison', 'requestsByEnforcingCourt', 'requestsByPrison'],
    item: true,
  },
  { table: 'decisions', indexes: [], item: true },
  // The item: a user's own rejection, with its original text, to correct and resend.
  { table: 'quarantine', indexes: ['byQueueOwner'], item: true },
  { table: 'access', indexes: ['viewsByCasePrison'], item: false },
];

export class ConsoleStack extends Stack {
  readonly api: RestApi;
  readonly function: NodejsFunction;
  readonly distribution?: Distribution;

  constructor(scope: Construct, id: string, props: ConsoleStackProps) {
    super(scope, id, props);
    const { stage, oidc, network } = props;
    const name = functionName(stage, 'console-api');
    const isPrivate = network.mode === 'private';

    // As every function's (infra/constructs/linkage-function.ts): kept six months, encrypted.
    const logGroup = new LogGroup(this, 'ApiFunctionLogs', {
      logGroupName: `/aws/lambda/${name}`,
      retention: LOG_RETENTION,
      encryptionKey: props.logKey,
      removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    });
    const role = new Role(this, 'ApiFunctionRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${name}: reads cases and decisions, records views`,
    });
    logGroup.grantWrite(role);
    for (const read of READS) {
      const table = tableArn(this, stage, read.table);
      role.addToPolicy(
        new PolicyStatement({
          // BatchGetItem: the case list reads the listed revisions' missing materials in one call.
          actions: read.item ? ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] : ['dynamodb:Query'],
          resources: [...(read.item ? [table] : []), ...read.indexes.map((index) => `${table}/index/${index}`)],
        }),
      );
    }
    role.addToPolicy(
      new PolicyStatement({ actions: ['dynamodb:PutItem'], resources: [tableArn(this, stage, 'access')] }),
    );
    // The assessment figures (考核): one Query per institution and month of the counters' table.
    role.addToPolicy(
      new PolicyStatement({ actions: ['dynamodb:Query'], resources: [tableArn(this, stage, 'assessment')] }),
    );
    role.addToPolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
        resources: [props.dataKey.keyArn],
        conditions: { StringLike: { 'kms:ViaService': viaService(this, 'dynamodb') } },
      }),
    );

    // What users submit goes on their institution's inbound queue, as an integrated system's
    // message would (the API puts the signed-in institution's id in the queue name and the
    // sender), sent as the console-sender role (stateless stack), whose SenderId the ingest
    // accepts for the queue's owner. This role itself sends to no queue.
    const consoleSenderRole = this.formatArn({
      service: 'iam',
      region: '',
      resource: 'role',
      resourceName: consoleSenderRoleName(stage),
    });
    role.addToPolicy(
      new PolicyStatement({
        sid: 'AssumeConsoleSenderRole',
        actions: ['sts:AssumeRole'],
        resources: [consoleSenderRole],
      }),
    );

    // The operators' page: the redrive role (stateless stack), by name.
    const redriveRole = this.formatArn({
      service: 'iam',
      region: '',
      resource: 'role',
      resourceName: redriveRoleName(stage),
    });
    role.addToPolicy(
      new PolicyStatement({ sid: 'AssumeRedriveRole', actions: ['sts:AssumeRole'], resources: [redriveRole] }),
    );

    const tableEnvironment = Object.fromEntries(
      (['cases', 'decisions', 'access', 'quarantine', 'assessment'] as const).map((t) => [
        TABLES[t].envVar,
        tableName(stage, t),
      ]),
    );
    this.function = new NodejsFunction(this, 'ApiFunction', {
      functionName: name,
      description: 'Console API: role-scoped reads for the web console (OIDC tokens verified here)',
      entry: `${PROJECT_ROOT}/functions/console-api/handler.ts`,
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}/package-lock.json`,
      runtime: lambdaRuntime(props.settings),
      architecture: lambdaArchitecture(props.settings),
      memorySize: 512,
      timeout: Duration.seconds(10),
      tracing: props.settings.tracing ? Tracing.ACTIVE : Tracing.DISABLED,
      logGroup,
      role,
      environment: {
        STAGE: stage,
        QUEUE_URL_BASE: queueUrlBase(this),
        REDRIVE_ROLE_ARN: redriveRole,
        CONSOLE_SENDER_ROLE_ARN: consoleSenderRole,
        ...tableEnvironment,
        OIDC_ISSUER: oidc.issuer,
        OIDC_AUDIENCE: oidc.audience,
        OIDC_JWKS_URI: oidc.jwksUri,
        OIDC_CLIENT_ID: oidc.clientId,
        ...(oidc.institutionClaim ? { OIDC_INSTITUTION_CLAIM: oidc.institutionClaim } : {}),
        ...(oidc.roleClaim ? { OIDC_ROLE_CLAIM: oidc.roleClaim } : {}),
        ...(oidc.scope ? { OIDC_SCOPE: oidc.scope } : {}),
        ...(isPrivate && props.consoleDist ? { CONSOLE_STATIC_DIR: './console' } : {}),
        NODE_OPTIONS: FUNCTION_NODE_OPTIONS,
      },
      bundling: {
        ...functionBundling(props.settings.tracing),
        // Private deployments: the pages travel with the function, served from inside the boundary.
        ...(isPrivate && props.consoleDist
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: (_input: string, output: string) => [`cp -r ${props.consoleDist} ${output}/console`],
              },
            }
          : {}),
      },
    });
    if (props.settings.tracing)
      Validations.of(role.node.findChild('DefaultPolicy')).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions; every other statement names its table, index, key or log group.',
      });

    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.api = new RestApi(this, 'Api', {
      restApiName: `linkage-${stage}-console`,
      description: 'Property-penalty linkage web console API',
      endpointTypes: [isPrivate ? EndpointType.PRIVATE : EndpointType.REGIONAL],
      cloudWatchRole: true,
      deployOptions: {
        stageName: stage,
        loggingLevel: MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        tracingEnabled: props.settings.tracing,
        accessLogDestination: new LogGroupLogDestination(accessLogs),
        accessLogFormat: AccessLogFormat.jsonWithStandardFields(),
        throttlingRateLimit: 200,
        throttlingBurstLimit: 400,
      },
      ...(network.mode === 'private'
        ? {
            policy: new PolicyDocument({
              statements: [
                new PolicyStatement({
                  effect: Effect.DENY,
                  principals: [new AnyPrincipal()],
                  actions: ['execute-api:Invoke'],
                  resources: ['execute-api:/*'],
                  conditions: { StringNotEquals: { 'aws:SourceVpce': [...network.vpcEndpointIds] } },
                }),
                new PolicyStatement({
                  effect: Effect.ALLOW,
                  principals: [new AnyPrincipal()],
                  actions: ['execute-api:Invoke'],
                  resources: ['execute-api:/*'],
                }),
              ],
            }),
          }
        : {}),
    });
    const integration = new LambdaIntegration(this.function, { proxy: true });
    this.api.root.addMethod('ANY', integration);
    this.api.root.addProxy({ defaultIntegration: integration, anyMethod: true });
    this.acknowledgeApiFindings();

    if (network.mode === 'public') this.distribution = this.publicSite(props.consoleDist);
  }

  private publicSite(consoleDist: string | undefined): Distribution {
    const logs = new Bucket(this, 'SiteLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logs are written with ACLs.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging it to itself would loop.',
    });
    const site = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site/',
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });
    const distribution = new Distribution(this, 'SiteDistribution', {
      comment: 'Property-penalty linkage web console',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        // Origin access control is not offered in the China regions; an origin access identity is.
        origin: S3BucketOrigin.withOriginAccessIdentity(site),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new RestApiOrigin(this.api),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
      // Routes of the single-page application are files only to the browser.
      errorResponses: [
        { httpStatus: 403, responseHttpStatus: 200, responsePagePath: '/index.html' },
        { httpStatus: 404, responseHttpStatus: 200, responsePagePath: '/index.html' },
      ],
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
    });
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'Users are court, prison and procuratorate staff inside China; sign-in is required, so no geo restriction is configured here (add one per operator policy).',
    });
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'A WAF web ACL is attached by the operator where AWS WAF for CloudFront is offered; every API call needs a signed token.',
    });
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR7',
      reason:
        'Origin access control (OAC) is not offered by CloudFront in the China regions; the origin access identity restricts the bucket to this distribution.',
    });
    Validations.of(distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'The default CloudFront certificate fixes the TLS policy; the operator adds the ICP-recorded custom domain with its certificate and TLSv1.2_2021 (docs/deploy.md).',
    });
    if (consoleDist) {
      new BucketDeployment(this, 'SitePages', {
        sources: [Source.asset(consoleDist)],
        destinationBucket: site,
        distribution,
        memoryLimit: 512,
      });
    }
    return distribution;
  }

  private acknowledgeApiFindings(): void {
    const acknowledge = (id: string, reason: string) => Validations.of(this.api).acknowledge({ id, reason });
    acknowledge(
      'AwsSolutions-APIG2',
      'The proxy integration validates every query parameter in the function with the same zod schemas the OpenAPI document is made from.',
    );
    acknowledge(
      'AwsSolutions-APIG3',
      'A WAF web ACL is attached by the operator per network; the private option is reachable only through VPC endpoints.',
    );
    acknowledge(
      'AwsSolutions-APIG4',
      'Tokens are verified in the function (jose: signature via the issuer JWKS, issuer, audience, expiry) because China regions have no Cognito and any OIDC issuer must work.',
    );
    acknowledge(
      'AwsSolutions-COG4',
      'No Cognito user pool: the issuer is configuration (courts and prisons have their own identity systems).',
    );
    const cloudWatchRole = this.api.node.tryFindChild('CloudWatchRole');
    if (cloudWatchRole)
      Validations.of(cloudWatchRole).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        reason: 'The account-level role API Gateway needs to write execution logs; AWS maintains its policy.',
      });
  }
}
