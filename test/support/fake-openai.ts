import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the next answers go: a JSON answer, content that is not JSON, too slow, or an HTTP error. */
export type FakeBehaviour =
  | { kind: 'answer'; content: unknown }
  | { kind: 'invalid-json' }
  | { kind: 'slow'; ms: number }
  | { kind: 'status'; status: 429 | 500 };

export interface RecordedRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: { model?: string; messages?: { role: string; content: string }[]; response_format?: unknown };
  raw: string;
}

export interface FakeOpenAI {
  baseURL: string;
  requests: RecordedRequest[];
  behave(behaviour: FakeBehaviour): void;
  close(): Promise<void>;
}

const completion = (content: string) => ({
  id: 'chatcmpl-fake', object: 'chat.completion', created: 0, model: 'fake-model',
  choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
  usage: { prompt_tokens: 120, completion_tokens: 30, total_tokens: 150 },
});

/** A local OpenAI-compatible server speaking just `POST /v1/chat/completions`, for the openai SDK. */
export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  let behaviour: FakeBehaviour = { kind: 'invalid-json' };
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      requests.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(raw || '{}') as RecordedRequest['body'], raw });
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json', 'retry-after-ms': '10' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return json(404, { error: { message: 'not found' } });
      switch (behaviour.kind) {
        case 'answer': return json(200, completion(JSON.stringify(behaviour.content)));
        case 'invalid-json': return json(200, completion('Sure! The category is {accommodation'));
        case 'slow': {
          const timer = setTimeout(() => json(200, completion('{}')), behaviour.ms);
          res.on('close', () => clearTimeout(timer));
          return;
        }
        case 'status': return json(behaviour.status, { error: { message: `fake ${behaviour.status}`, type: 'fake' } });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    behave(next) {
      behaviour = next;
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
