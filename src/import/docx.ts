import mammoth from 'mammoth';
import { htmlToLines } from './html.ts';
import type { SourceLine } from './types.ts';

export interface DocxImage {
  bytes: Uint8Array;
  /** File extension for the content type: png, jpg, gif … */
  extension: string;
}

export interface DocxContent {
  lines: SourceLine[];
  images: DocxImage[];
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/jpg': 'jpg',
  'image/gif': 'gif',
  'image/bmp': 'bmp',
  'image/webp': 'webp',
  'image/tiff': 'tif',
  'image/svg+xml': 'svg',
  'image/x-emf': 'emf',
  'image/x-wmf': 'wmf',
};

/**
 * The paragraphs and pictures of a .docx, through mammoth: Word headings become
 * heading lines, each picture an image line whose bytes are kept for `media/`.
 * Throws when the file is not a .docx (the caller reports it).
 */
export async function readDocx(bytes: Uint8Array): Promise<DocxContent> {
  const images: DocxImage[] = [];
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes) },
    {
      // A .docx may link to files on the machine that opens it; an import never follows such links.
      externalFileAccess: false,
      ignoreEmptyParagraphs: true,
      convertImage: mammoth.images.imgElement(async (image) => {
        const index = images.length;
        images.push({ bytes: new Uint8Array(await image.readAsBuffer()), extension: EXTENSIONS[image.contentType] ?? 'bin' });
        return { src: `lectern-image:${index}` };
      }),
    },
  );
  return { lines: htmlToLines(result.value, { wholeDocument: true }).lines, images };
}
