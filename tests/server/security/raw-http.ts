/**
 * Raw HTTP requests for the security tests: fetch will not send a Host header of our choosing, and
 * it normalises paths (`/a/%2e%2e/`) and adds headers of its own. node:http sends exactly what it
 * is given, over one keep-alive agent so thousands of requests stay fast.
 */
import { Agent, request } from 'node:http';

export interface RawRequest {
  method: string;
  /** Sent as is: escapes stay as written. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any;
}

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

export function send(base: string, req: RawRequest): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...req.headers };
    if (req.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) {
      headers['content-length'] = String(Buffer.byteLength(req.body));
    }
    const r = request({ host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      // An event stream never ends: its first message is the answer; to HEAD, its headers are.
      if (String(res.headers['content-type']).startsWith('text/event-stream')) {
        if (req.method.toUpperCase() === 'HEAD') {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: '', json: undefined });
          res.destroy();
          return;
        }
        res.once('data', (c: Buffer) => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: c.toString('utf8'), json: undefined });
          res.destroy();
        });
        return;
      }
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    r.on('error', reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}
