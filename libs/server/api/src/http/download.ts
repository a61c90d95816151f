/** The part of Fastify's reply that file downloads use. */
export interface Reply {
  header(name: string, value: string): Reply;
  send(payload: unknown): void;
}

/** An attachment name that survives any browser, Chinese included (RFC 6266 / 5987). */
export function contentDisposition(filename: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
