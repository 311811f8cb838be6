/**
 * Files the index build writes gzipped so that every server sends them small,
 * whatever its configuration: read back in the browser with DecompressionStream.
 * A server that adds `Content-Encoding: gzip` to `.gz` files has the browser
 * unpack them first; the gzip magic number tells the two apart.
 */
export async function gunzipIfNeeded(bytes: ArrayBuffer): Promise<ArrayBuffer> {
  const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  if (head[0] !== 0x1f || head[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

/** JSON from a `.json.gz` file. */
export async function fetchGzipJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return readGzipJson<T>(response);
}

/** JSON from a response that may be gzipped. */
export async function readGzipJson<T>(response: Response): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await gunzipIfNeeded(await response.arrayBuffer()))) as T;
}
