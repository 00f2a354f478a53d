import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalState } from './localState';
import {
  agreementMetadata,
  confirmAgreement,
  createCustomer,
  domainExists,
  errorReply,
  INVALID_PROPERTY_CODE,
  relationshipRequest,
  validateAddress,
  type Reply,
  type RouteContext,
} from './localRoutes';
import { defaultTenantsFile, loadTenantDirectory } from './tenantDirectory';

/**
 * A Partner Center of our own on loopback, speaking Partner Center's REST API for the calls the bot
 * makes, so `PartnerCenterClient` runs unchanged against it (the bot in local mode, the tests):
 *
 * - `HEAD /v1/domains/{domain}`: 200 when the domain is a seeded tenant's (tenants.json), a taken
 *   prefix, or a customer created here; 404 otherwise.
 * - `POST /v1/validations/address`: the predictable rules of `addressRules.ts`.
 * - `POST /v1/customers`: idempotent on `MS-RequestId` (a repeated id answers the customer it made, 201,
 *   whatever the body, also after a restart with the same data file); 409 `DomainAlreadyExists` for a
 *   domain that exists; 400 (code 3000) for a missing or malformed field. New tenant id (= customer id),
 *   `admin@<domain>` and a random temporary password.
 * - `GET /v1/agreements[?agreementType=MicrosoftCustomerAgreement]`: one MCA template.
 * - `POST /v1/customers/{tenantId}/agreements`: for a customer created here or a seeded `thisPartner`
 *   tenant (404, code 60003, otherwise); 400 for a bad body or an unknown template.
 * - `GET /v1/customers/relationshiprequests[?indirectResellerId=]`: the admin center invitation link.
 *
 * Every request needs `Authorization: Bearer <token>` (401 otherwise).
 */
export interface LocalPartnerCenterOptions {
  /** 0 or absent: any free port. */
  port?: number;
  host?: '127.0.0.1';
  /** Where created customers, request ids and agreements are kept; absent: memory only. */
  dataFile?: string;
  /** The seed directory; absent: `tenants.json` beside this file. */
  tenantsFile?: string;
  /** The bearer token every request must carry. */
  token: string;
  /** This partner's tenant id, in relationship request links. */
  partnerTenantId: string;
}

export interface LocalPartnerCenter {
  /** e.g. `http://127.0.0.1:51234`, without a trailing slash. */
  endpoint: string;
  requests: {
    /** Requests received (401s included), optionally only of one method and under one path prefix. */
    count(method?: string, pathPrefix?: string): number;
  };
  stop(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

export async function startLocalPartnerCenter(
  options: LocalPartnerCenterOptions,
): Promise<LocalPartnerCenter> {
  const directory = await loadTenantDirectory(options.tenantsFile ?? defaultTenantsFile());
  const state = await LocalState.open(options.dataFile);
  const context: RouteContext = { directory, state, partnerTenantId: options.partnerTenantId };
  const expectedAuthorization = Buffer.from(`Bearer ${options.token}`);
  const seen: { method: string; path: string }[] = [];

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://local');
    seen.push({ method: request.method ?? '', path: url.pathname });
    handle(request, url, context, expectedAuthorization)
      .catch((error: unknown) => errorReply(500, '0', `Local Partner Center failed: ${String(error)}`))
      .then((reply) => send(request, response, reply))
      .catch(() => response.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;

  return {
    endpoint: `http://${address}:${port}`,
    requests: {
      count(method?: string, pathPrefix?: string) {
        const prefix = pathPrefix?.toLowerCase();
        return seen.filter(
          (entry) =>
            (!method || entry.method === method.toUpperCase()) &&
            (!prefix || entry.path.toLowerCase().startsWith(prefix)),
        ).length;
      },
    },
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      await state.settled();
    },
  };
}

async function handle(
  request: http.IncomingMessage,
  url: URL,
  context: RouteContext,
  expectedAuthorization: Buffer,
): Promise<Reply> {
  const authorization = Buffer.from(request.headers.authorization ?? '');
  if (
    authorization.length !== expectedAuthorization.length ||
    !timingSafeEqual(authorization, expectedAuthorization)
  ) {
    return errorReply(401, '401', 'Access denied: the bearer token is missing or not valid.', 'Unauthorized');
  }
  const method = request.method ?? '';
  const segments = url.pathname.split('/').filter(Boolean).map(decodeSegment);
  const route = segments.map((segment) => segment.toLowerCase());
  const requestId = header(request, 'ms-requestid');
  const allow = (...methods: string[]) =>
    methods.includes(method) ? undefined : errorReply(405, '405', `Method ${method} is not allowed here.`);

  if (route[0] !== 'v1') return notFound(url);
  if (route[1] === 'domains' && segments.length === 3) {
    return allow('HEAD') ?? domainExists(context, segments[2]!);
  }
  if (route[1] === 'validations' && route[2] === 'address' && route.length === 3) {
    return allow('POST') ?? readJson(request, (body) => validateAddress(body));
  }
  if (route[1] === 'agreements' && route.length === 2) {
    return allow('GET') ?? agreementMetadata(url.searchParams.get('agreementType'));
  }
  if (route[1] === 'customers') {
    if (route.length === 2) {
      return allow('POST') ?? readJson(request, (body) => createCustomer(context, body, requestId));
    }
    if (route[2] === 'relationshiprequests' && route.length === 3) {
      return allow('GET') ?? relationshipRequest(context, url.searchParams.get('indirectResellerId'));
    }
    if (route[3] === 'agreements' && route.length === 4) {
      return allow('POST') ?? readJson(request, (body) => confirmAgreement(context, segments[2]!, body));
    }
  }
  return notFound(url);
}

function notFound(url: URL): Reply {
  return errorReply(404, '1000', `Not found: ${url.pathname} is not a resource of the local Partner Center.`);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function header(request: http.IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

async function readJson(
  request: http.IncomingMessage,
  use: (body: unknown) => Reply | Promise<Reply>,
): Promise<Reply> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return errorReply(413, '413', 'The request body is too large.');
    chunks.push(chunk);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return errorReply(400, INVALID_PROPERTY_CODE, 'The request body is not JSON.', 'InvalidInput');
  }
  return use(body);
}

function send(request: http.IncomingMessage, response: http.ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = {};
  for (const name of ['ms-requestid', 'ms-correlationid']) {
    const value = header(request, name);
    if (value) headers[name === 'ms-requestid' ? 'MS-RequestId' : 'MS-CorrelationId'] = value;
  }
  // Not chained: restify, loaded in the same process as the bot, replaces ServerResponse.writeHead
  // with one that returns nothing.
  if (reply.body === undefined || request.method === 'HEAD') {
    response.writeHead(reply.status, { ...headers, 'Content-Length': '0' });
    response.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  response.end(text);
}
