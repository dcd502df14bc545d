/** One answer of the fake: status, headers, body. */
export interface FakeAnswer {
  status: number;
  headers?: Record<string, string>;
  body: string | Buffer;
}
