import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { PagefindFragment } from '../../lib/search-engine.ts';
import { SIGNATURE } from './page-record.ts';

/** A Pagefind fragment file: gzip (or not) around `pagefind_dcd` and JSON. */
export function readFragment(file: string): PagefindFragment {
  let bytes: Buffer = readFileSync(file);
  if (bytes.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) bytes = gunzipSync(bytes);
  return JSON.parse(bytes.subarray(SIGNATURE.length).toString('utf8')) as PagefindFragment;
}
