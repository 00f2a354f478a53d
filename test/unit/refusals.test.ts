import pino from 'pino';
import { Writable } from 'node:stream';
import { refusalFor, refusalLog } from '../../bot/refusals';

describe('refused requests', () => {
  it('are answered 401 with no internal detail, or 503 when the signing keys cannot be fetched', () => {
    expect(refusalFor(new Error('Invalid signature: the token says alg none'))).toEqual({
      status: 401,
      body: { error: 'Unauthorized' },
    });
    const offline = Object.assign(new Error('getaddrinfo ENOTFOUND login.botframework.com'), {
      code: 'ENOTFOUND',
    });
    expect(refusalFor(offline).status).toBe(503);
    expect(refusalFor(new Error('fetch failed', { cause: { code: 'ECONNREFUSED' } })).status).toBe(503);
    expect(JSON.stringify(refusalFor(offline).body)).not.toContain('botframework');
  });

  it('are logged as one JSON line each, at most so many a minute, the rest counted', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().trim().split('\n'));
        done();
      },
    });
    let clock = 0;
    const log = refusalLog(pino({ level: 'info' }, sink), 3, () => clock);
    const refused = refusalFor(new Error('bad token'));
    for (let index = 0; index < 10; index++) log(refused, new Error('bad token'));
    expect(lines).toHaveLength(3);
    clock = 60_000;
    log(refused, new Error('bad token'));
    expect(lines).toHaveLength(4);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed[0]).toMatchObject({ msg: 'request refused', status: 401, reason: 'Error' });
    expect(parsed[3]).toMatchObject({ notLogged: 7 });
    expect(lines.join('\n')).not.toContain('bad token');
  });
});
