import type { DocumentKind } from '../schemas/document.ts';

/** One line of an imported file, after decoding and normalisation. */
export interface SourceLine {
  /** 1-based line in the source file (for HTML and .docx: of the element that held the text). */
  line: number;
  text: string;
  /** HTML: the line lies outside the article the extractor chose (navigation, footer …). */
  outside?: boolean;
  /** HTML: an outside line close enough to the article to hold its header or byline. */
  nearArticle?: boolean;
  /** A heading the source marked itself: h1–h6, a Markdown `#`. */
  heading?: number;
  /** An image the source carried at this place (a .docx picture, an HTML <img>). */
  image?: SourceImage;
}

export interface SourceImage {
  /** Index into the images that came with the file (.docx), when the bytes are at hand. */
  index?: number;
  /** The file name the source gave (HTML src), for the warning that asks for the file. */
  name?: string;
}

/** Something the editor should look at; never fatal. */
export interface ImportWarning {
  code: WarningCode;
  /** Line in the source file, when the warning is about one. */
  line?: number;
  /** The text concerned (a dropped line, a guessed value). */
  text?: string;
  params?: Record<string, string | number>;
}

export type WarningCode =
  | 'encodingGuess'
  | 'droppedChrome'
  | 'droppedFileName'
  | 'droppedOutside'
  | 'droppedFooter'
  | 'droppedRepeatedTitle'
  | 'imageFileNeeded'
  | 'imageAsAttachment'
  | 'titleFromFileName'
  | 'noTitle'
  | 'noDate'
  | 'dateFromText'
  | 'yearFromContext'
  | 'kindGuessed'
  | 'noLecturer'
  | 'noSpeaker'
  | 'ignoredField'
  | 'conflict'
  | 'invalidFrontmatter';

/** What became of a line of the source; the property tests check that none is lost. */
export type LineUse = 'body' | 'title' | 'subtitle' | 'meta' | 'caption' | 'dropped' | 'omitted' | 'blank';

export interface LineTrace {
  line: number;
  text: string;
  use: LineUse;
  /** Parts of a body line taken into the front matter (a dateline, a trailing credit, a marker). */
  removed?: string[];
  /** Front-matter fields the line (or its removed parts) filled. */
  fields?: string[];
}

/** An image that goes to the course's media folder with the document. */
export interface ImportedImage {
  /** Path relative to the course folder: media/<id>-1.png. */
  src: string;
  /** Index into the file's own images (.docx); absent when the editor must add the file. */
  index?: number;
}

export interface ImportOptions {
  /** Forces the kind instead of detecting it. */
  kind?: DocumentKind;
  /** The imported file's name, for the id and the title of a text without one. */
  fileName?: string;
  /** A year to complete dates such as 11月18日 when the text gives none (the course's). */
  contextYear?: number;
  /**
   * Ids the document may not take: a set, or a function of the detected kind (the
   * command line passes the ids of the course's other folders, so that re-importing
   * a document finds its own file and asks for --force instead of making a copy).
   */
  takenIds?: ReadonlySet<string> | ((kind: DocumentKind) => ReadonlySet<string>);
  /** Front matter the source already had (a Markdown file's); wins over detection. */
  /** The source is Markdown: keep its syntax instead of escaping it. */
  markdown?: boolean;
  /** Facts the page gave outside its text (HTML meta tags). */
  hints?: { title?: string; date?: string; source?: string; sourceUrl?: string };
  /** Extensions of the images that came with the file, by index (`png`, `jpeg`). */
  imageExtensions?: string[];
}

/** The result of importing one text: what `--dry-run --json` prints. */
export interface ImportedDocument {
  kind: DocumentKind;
  id: string;
  /** The front matter exactly as it is written, keys in order. */
  frontmatter: Record<string, unknown>;
  body: string;
  warnings: ImportWarning[];
  images: ImportedImage[];
  trace: LineTrace[];
}
