/** A worker thread of render-pool.ts: renders bodies and writes them into the HTML cache. */
import { parentPort } from 'node:worker_threads';
import { renderMarkdown } from '../markdown/render-markdown.ts';
import { writeCachedBody } from '../markdown/html-cache.ts';
import type { RenderBatch, RenderReply } from './render-pool.ts';

parentPort?.on('message', ({ id, htmlDir, jobs }: RenderBatch) => {
  let reply: RenderReply;
  try {
    reply = {
      id,
      headings: jobs.map(({ digest, body }) => {
        const { html, headings } = renderMarkdown(body);
        writeCachedBody(htmlDir, digest, html, headings);
        return headings;
      }),
    };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
