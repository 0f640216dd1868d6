/**
 * A 127.0.0.1 HTTP proxy in front of the team server that misbehaves on purpose: it drops requests
 * before the server sees them, drops responses after the server handled them, delays, and sends
 * requests twice. Its target can change (the server restarts on a new port) and it can be made clean.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultRates {
  dropRequest: number;
  dropResponse: number;
  delay: number;
  duplicate: number;
  maxDelayMs: number;
}

export interface FaultCounts {
  requests: number;
  droppedRequests: number;
  droppedResponses: number;
  delayed: number;
  duplicated: number;
  upstreamDown: number;
}

function forward(target: { port: number }, req: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: `127.0.0.1:${target.port}`, 'content-length': String(body.length) };
    delete headers.connection;
    const upstream = http.request({ host: '127.0.0.1', port: target.port, method: req.method, path: req.url, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    upstream.on('error', reject);
    upstream.end(body);
  });
}

/** Start the proxy; `random` decides every fault (seeded by the test). */
export async function startFaultProxy(random: () => number, rates: FaultRates) {
  const target = { port: 0 };
  let faulty = true;
  const counts: FaultCounts = { requests: 0, droppedRequests: 0, droppedResponses: 0, delayed: 0, duplicated: 0, upstreamDown: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      counts.requests++;
      const body = Buffer.concat(chunks);
      const roll = () => (faulty ? random() : 1);
      try {
        if (roll() < rates.dropRequest) {
          counts.droppedRequests++;
          req.socket.destroy();
          return;
        }
        if (roll() < rates.delay) {
          counts.delayed++;
          await new Promise((r) => setTimeout(r, Math.floor(random() * rates.maxDelayMs)));
        }
        const duplicate = roll() < rates.duplicate;
        let answer = await forward(target, req, body);
        if (duplicate) {
          counts.duplicated++;
          answer = await forward(target, req, body);
        }
        if (roll() < rates.dropResponse) {
          counts.droppedResponses++;
          req.socket.destroy();
          return;
        }
        const headers = { ...answer.headers };
        delete headers['transfer-encoding'];
        delete headers.connection;
        res.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
        res.end(answer.body);
      } catch {
        counts.upstreamDown++;
        req.socket.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    setTarget(port: number) {
      target.port = port;
    },
    setFaulty(on: boolean) {
      faulty = on;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
