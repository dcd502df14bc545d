/** One answer of the fake: status, headers, body. */
export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): FakeAnswer => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(value),
});
export const text = (status: number, body: string): FakeAnswer => ({
  status,
  headers: { 'content-type': 'text/plain' },
  body,
});
export const html = (status: number, body: string): FakeAnswer => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body,
});
