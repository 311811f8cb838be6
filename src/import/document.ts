/**
 * The importer proper: from the lines of a text to a document with front matter
 * and a Markdown body. Each step lives in its own module; this one walks the
 * lines in order (top, trailer, body) and records what became of each.
 */
import type { DocumentKind } from '../schemas/document.ts';
import { documentSchemas } from '../schemas/document.ts';
import type { PersonRef } from '../schemas/person.ts';
import { partialDateYear, toPartialDate, type PartialDate } from '../lib/partial-date.ts';
import { uniqueId } from '../lib/slug.ts';
import { matchCaption } from './captions.ts';
import { matchChrome, matchEdgeChrome } from './chrome.ts';
import { parseDateline } from './dateline.ts';
import { findDate, findYear, parseDateValue, type FoundDate } from './dates.ts';
import { orderFrontmatter } from './frontmatter.ts';
import { parseHeaderLine, parseTrailingCredit, type HeaderField, type PersonField } from './header.ts';
import { proposeId } from './id.ts';
import { detectKind, isSeriesLine, lectureFormat, speechOccasion } from './kind.ts';
import { blocksToMarkdown, type Block } from './markdown.ts';
import { trimLine } from './normalize.ts';
import { findOmitted } from './omitted.ts';
import { shadow } from './simplified.ts';
import { isBareHeadingText, isSalutation, matchNumberedHeading, type HeadingRank } from './structure.ts';
import { isTitleLike, parseUnderTitle, sameTitle, speakerFromTitle, splitTitle, subtitleLine } from './title.ts';
import type { ImportedDocument, ImportedImage, ImportOptions, ImportWarning, LineTrace, SourceImage, SourceLine } from './types.ts';

interface Item {
  src: SourceLine;
  text: string;
  /** `text` in simplified characters, same length. */
  s: string;
  indented: boolean;
  trace: LineTrace;
  done: boolean;
  image?: SourceImage;
}

interface DateCandidate {
  found: FoundDate;
  /** Higher wins: the date under a title (4), 发布时间 (3), 时间 (2), 更新时间 (1), a dateline (1.5). */
  rank: number;
  line?: number;
  fromText?: boolean;
}

interface PhotoEntry {
  caption?: string;
  image?: SourceImage;
  line: number;
}

/** Depth keys of headings, ordered: 第一部分 above 一、 above （一）; HTML levels by number. */
type HeadingKey = `n${HeadingRank}` | 'bare' | `h${number}`;
type PendingBlock = Block & { key?: HeadingKey; from: number };

const HEADING_DEPTH: Record<string, number> = { n0: 0, bare: 1, n1: 1, n2: 2, h1: 0, h2: 1, h3: 2, h4: 3, h5: 4, h6: 5 };
/** Only write-ups carry a byline beyond authors; other kinds report those names instead. */
const WRITEUP_ONLY: PersonField[] = ['reporters', 'correspondents', 'photographers', 'editors'];

export function importLines(lines: readonly SourceLine[], options: ImportOptions = {}): ImportedDocument {
  return new LineImporter(lines, options).run();
}

class LineImporter {
  private readonly items: Item[];
  private readonly options: ImportOptions;
  private readonly warnings: ImportWarning[] = [];
  private title?: string;
  private subtitle?: string;
  /** The title line as written, to recognise it when the page repeats it. */
  private titleLine?: string;
  private titleLineSeen = false;
  private readonly dates: DateCandidate[] = [];
  private readonly sources: string[] = [];
  private readonly people = new Map<PersonField, PersonRef[]>();
  private readonly underTitlePeople: PersonRef[] = [];
  private series?: string;
  private omittedChars = 0;
  private omittedMarkers = 0;
  private readonly photos: PhotoEntry[] = [];
  private newsByline = false;
  private salutation = false;
  private year?: number;
  private yearFromOptions = false;
  private readonly blocks: PendingBlock[] = [];

  constructor(lines: readonly SourceLine[], options: ImportOptions) {
    this.options = options;
    this.items = lines.map((src) => {
      const text = trimLine(src.text);
      return {
        src,
        text,
        s: shadow(text),
        indented: /^(\u3000|[ \t]{2,})/u.test(src.text) && text !== '',
        trace: { line: src.line, text, use: 'blank' },
        done: text === '',
        image: src.image,
      };
    });
  }

  run(): ImportedDocument {
    this.removeMarkersAndChrome();
    this.findContextYear();
    const bodyStart = this.readTop();
    const bodyEnd = this.readTrailer(bodyStart);
    this.readBody(bodyStart, bodyEnd);
    return this.assemble();
  }

  // ---- pass 1: lines that are dropped or emptied wherever they are ----

  private removeMarkersAndChrome(): void {
    for (const item of this.items) {
      if (item.done) continue;
      const omitted = findOmitted(item.s);
      if (omitted) {
        this.omittedChars += omitted.chars;
        this.omittedMarkers++;
        const marker = item.text.slice(omitted.index, omitted.index + omitted.length);
        const rest = (item.text.slice(0, omitted.index) + item.text.slice(omitted.index + omitted.length)).trim();
        if (rest === '' || /^[\p{P}\s]*$/u.test(rest)) {
          this.use(item, 'omitted', ['omitted']);
          continue;
        }
        item.trace.removed = [...(item.trace.removed ?? []), marker];
        item.trace.fields = [...(item.trace.fields ?? []), 'omitted'];
        this.setText(item, rest);
      }
      const chrome = matchChrome(item.s);
      if (chrome) {
        this.drop(item, chrome.kind === 'fileName' ? 'droppedFileName' : 'droppedChrome');
        if (chrome.imageName) item.image = { name: item.text };
      }
    }
  }

  /** The year for dates written without one (11月26日讯): the document's own, else the course's. */
  private findContextYear(): void {
    const top = this.items.filter((i) => !i.done).slice(0, 12);
    for (const item of top) {
      const header = parseHeaderLine(item.text, item.s);
      const dated = header?.find((f) => f.date && !f.date.yearFromContext);
      const year = dated?.date ? partialDateYear(dated.date.date) : undefined;
      if (year) {
        this.year = year;
        return;
      }
    }
    const hinted = this.options.hints?.date ? parseDateValue(this.options.hints.date) : undefined;
    const fromTitle = top[0] ? findYear(top[0].s) : undefined;
    this.year = hinted ? partialDateYear(hinted.date) : fromTitle;
    if (this.year === undefined && this.options.contextYear !== undefined) {
      this.year = this.options.contextYear;
      this.yearFromOptions = true;
    }
  }

  // ---- pass 2: the top — title, subtitle, header lines, the speaker or date under the title ----

  private readTop(): number {
    const hint = this.options.hints?.title;
    if (hint) this.setTitle(hint);
    let index = 0;
    for (; index < this.items.length; index++) {
      const item = this.items[index];
      if (item.done) continue;
      if (item.src.outside) {
        this.readOutside(item);
        continue;
      }
      if (matchEdgeChrome(item.s)) {
        this.drop(item, 'droppedFooter');
        continue;
      }
      const header = parseHeaderLine(item.text, item.s, this.year);
      if (header) {
        this.applyHeader(item, header);
        continue;
      }
      if (this.title === undefined) {
        // A date above the title (2024年4月10日, then the title) is the date, not the title.
        const dateOnly = parseUnderTitle(item.text, item.s, this.year);
        if (dateOnly?.date && !dateOnly.person) {
          this.dates.push({ found: dateOnly.date, rank: 3, line: item.src.line });
          this.use(item, 'meta', ['date']);
          continue;
        }
        if ((item.src.heading !== undefined && item.src.heading <= 2) || isTitleLike(item.s)) {
          this.setTitle(item.text);
          this.titleLineSeen = true;
          this.use(item, 'title', ['title']);
          continue;
        }
        break;
      }
      if (this.isTitleRepeat(item)) continue;
      const subtitle = subtitleLine(item.text);
      if (subtitle !== undefined && this.subtitle === undefined) {
        this.subtitle = subtitle;
        this.use(item, 'subtitle', ['subtitle']);
        continue;
      }
      const under = parseUnderTitle(item.text, item.s, this.year);
      if (under) {
        if (under.person) this.underTitlePeople.push(under.person);
        if (under.date) this.dates.push({ found: under.date, rank: 4, line: item.src.line });
        this.use(item, 'meta', [...(under.person ? ['person'] : []), ...(under.date ? ['date'] : [])]);
        continue;
      }
      if (isSeriesLine(item.s) && this.series === undefined) {
        this.series = item.text;
        this.use(item, 'meta', ['series']);
        continue;
      }
      break;
    }
    return index;
  }

  /** A line outside the article of a web page: its title or header, or dropped. */
  private readOutside(item: Item): void {
    if (this.isTitleRepeat(item)) return;
    if (item.src.nearArticle) {
      const header = parseHeaderLine(item.text, item.s, this.year);
      if (header) {
        this.applyHeader(item, header);
        return;
      }
    }
    this.drop(item, matchEdgeChrome(item.s) ? 'droppedFooter' : 'droppedOutside');
  }

  /** The title line itself (first time, when the title came from a hint) or a repeat of it (dropped). */
  private isTitleRepeat(item: Item): boolean {
    if (this.title === undefined) return false;
    const full = this.subtitle ? `${this.title}${this.subtitle}` : this.title;
    const same = sameTitle(item.text, this.title) || sameTitle(item.text, full) || (this.titleLine !== undefined && sameTitle(item.text, this.titleLine));
    // A page's <title> may leave out what its heading adds: 依法履职的几个问题 / 依法履职的几个问题（辅导报告）.
    if (!same && !this.titleLineSeen && startsWithTitle(item.text, this.title) && isTitleLike(item.s)) {
      this.setTitle(item.text);
      this.titleLineSeen = true;
      this.use(item, 'title', ['title']);
      return true;
    }
    if (!same) return false;
    if (!this.titleLineSeen) {
      this.titleLineSeen = true;
      this.use(item, 'title', ['title']);
    } else {
      this.drop(item, 'droppedRepeatedTitle');
    }
    return true;
  }

  private setTitle(text: string): void {
    const split = splitTitle(text);
    this.title = split.title;
    this.titleLine = text.trim();
    if (split.subtitle) this.subtitle = split.subtitle;
  }

  // ---- pass 3: the trailer — 编辑：X, (图文供稿:X), a date under the signature ----

  private readTrailer(bodyStart: number): number {
    let end = this.items.length;
    for (let index = this.items.length - 1; index >= bodyStart; index--) {
      const item = this.items[index];
      if (item.done) continue;
      if (item.src.outside) {
        this.readOutside(item);
        continue;
      }
      if (matchEdgeChrome(item.s)) {
        this.drop(item, 'droppedFooter');
        end = index;
        continue;
      }
      const header = parseHeaderLine(item.text, item.s, this.year);
      if (header) {
        this.applyHeader(item, header);
        end = index;
        continue;
      }
      const credit = parseTrailingCredit(item.text, item.s, this.year);
      if (credit && credit.index === 0) {
        this.applyHeader(item, credit.fields);
        end = index;
        continue;
      }
      const under = parseUnderTitle(item.text, item.s, this.year);
      if (under?.date && !under.person) {
        this.dates.push({ found: under.date, rank: 1.5, line: item.src.line });
        this.use(item, 'meta', ['date']);
        end = index;
        continue;
      }
      // The last paragraph may end with its credit: ……贡献力量。（图文供稿：XX县人大）
      if (credit) {
        const removed = item.text.slice(credit.index);
        this.applyFields(credit.fields, item.src.line);
        item.trace.removed = [...(item.trace.removed ?? []), removed];
        item.trace.fields = [...(item.trace.fields ?? []), ...fieldNames(credit.fields)];
        this.setText(item, item.text.slice(0, credit.index).trim());
      }
      break;
    }
    return end;
  }

  // ---- pass 4: the body — paragraphs, headings, captions, the dateline ----

  private readBody(start: number, end: number): void {
    const wrapped = this.isHardWrapped(start, end);
    // Lines before `start` are all consumed by now; walking them too catches an image
    // whose caption is the first line of the body (a photo right under the header).
    let pendingImage: { image: SourceImage; line: number } | undefined;
    let firstParagraph = true;
    /** The item that made the last paragraph, for lines that continue it. */
    let previous: Item | undefined;
    const flushImage = () => {
      if (pendingImage) this.photos.push({ image: pendingImage.image, line: pendingImage.line });
      pendingImage = undefined;
    };
    for (let index = 0; index < end; index++) {
      const item = this.items[index];
      if (item.image) {
        flushImage();
        pendingImage = { image: item.image, line: item.src.line };
      }
      if (item.done) continue;
      if (item.src.outside) {
        this.readOutside(item);
        continue;
      }
      if (this.isTitleRepeat(item)) continue;
      const caption = matchCaption(item.text, item.s, pendingImage !== undefined);
      if (caption) {
        this.photos.push({ caption: caption.caption, image: pendingImage?.image, line: item.src.line });
        if (caption.photographer) this.addPeople('photographers', [caption.photographer]);
        this.use(item, 'caption', caption.photographer ? ['images', 'photographers'] : ['images']);
        pendingImage = undefined;
        continue;
      }
      flushImage();
      if (firstParagraph && item.src.heading === undefined) {
        this.readDateline(item);
        firstParagraph = false;
        if (isSalutation(item.s)) this.salutation = true;
        if (item.done) continue;
      }
      this.use(item, 'body');
      const lastBlock = this.blocks.at(-1);
      const joinsPrevious =
        lastBlock?.type === 'paragraph' &&
        previous !== undefined &&
        previous.src.line === item.src.line - 1 &&
        ((wrapped && !item.indented) || this.options.markdown === true);
      const numbered = joinsPrevious ? undefined : matchNumberedHeading(item.text, item.s);
      previous = undefined;
      if (item.src.heading !== undefined) {
        this.blocks.push({ type: 'heading', depth: 0, text: item.text, key: `h${item.src.heading}`, from: index });
      } else if (numbered) {
        this.blocks.push({ type: 'heading', depth: 0, text: numbered.heading, key: `n${numbered.rank}`, from: index });
        if (numbered.rest) {
          this.blocks.push({ type: 'paragraph', text: numbered.rest, from: index });
          previous = item;
        }
      } else if (joinsPrevious && lastBlock) {
        const glue = this.options.markdown ? '\n' : /[A-Za-z0-9]$/.test(lastBlock.text) && /^[A-Za-z0-9]/.test(item.text) ? ' ' : '';
        lastBlock.text += glue + item.text;
        previous = item;
      } else if (this.isBareHeading(item, index, end)) {
        this.blocks.push({ type: 'heading', depth: 0, text: item.text, key: 'bare', from: index });
      } else {
        this.blocks.push({ type: 'paragraph', text: item.text, from: index });
        previous = item;
      }
    }
    flushImage();
  }

  /** Old text files break paragraphs at a fixed width and mark new ones by indenting them. */
  private isHardWrapped(start: number, end: number): boolean {
    if (this.options.markdown) return false;
    const body = this.items.slice(start, end).filter((i) => !i.done);
    const indented = body.filter((i) => i.indented).length;
    if (indented < 3) return false;
    return body.some((item, k) => k > 0 && !item.indented && body[k - 1].src.line === item.src.line - 1);
  }

  /** A short line between paragraphs: after a paragraph, before a long one. */
  private isBareHeading(item: Item, index: number, end: number): boolean {
    if (!isBareHeadingText(item.s)) return false;
    if (this.blocks.at(-1)?.type !== 'paragraph') return false;
    for (let next = index + 1; next < end; next++) {
      const candidate = this.items[next];
      if (candidate.done || candidate.src.outside) continue;
      return candidate.text.length >= 30 || matchNumberedHeading(candidate.text, candidate.s) !== undefined;
    }
    return false;
  }

  private readDateline(item: Item): void {
    const dateline = parseDateline(item.text, item.s, this.year);
    if (!dateline) return;
    this.newsByline = true;
    const removed = item.text.slice(0, dateline.length);
    const fields: string[] = [];
    if (dateline.agency) {
      this.sources.push(dateline.agency);
      fields.push('source');
    }
    if (dateline.date) {
      this.dates.push({ found: dateline.date, rank: 1.5, line: item.src.line });
      fields.push('date');
    }
    this.applyFields(dateline.credits, item.src.line);
    fields.push(...fieldNames(dateline.credits));
    item.trace.removed = [...(item.trace.removed ?? []), removed];
    item.trace.fields = [...(item.trace.fields ?? []), ...fields];
    this.setText(item, item.text.slice(dateline.length).trim());
  }

  // ---- header fields ----

  private applyHeader(item: Item, fields: HeaderField[]): void {
    this.applyFields(fields, item.src.line);
    this.use(item, 'meta', fieldNames(fields));
  }

  private applyFields(fields: HeaderField[], line: number): void {
    for (const field of fields) {
      if (field.field === 'chrome') {
        if (field.value !== '' || field.label !== '') this.warn('droppedChrome', { line, text: `${field.label}${field.value ? `：${field.value}` : ''}` });
        continue;
      }
      if (field.field === 'ignored') {
        if (field.value !== '') this.warn('ignoredField', { line, text: `${field.label}：${field.value}` });
        continue;
      }
      if (field.field === 'source') {
        if (field.value !== '') this.sources.push(field.value);
        continue;
      }
      if (field.field === 'date') {
        if (field.date) this.dates.push({ found: field.date, rank: field.dateRank ?? 2, line });
        continue;
      }
      for (const name of field.fields) {
        const people = field.people ?? [];
        if (name === 'reporters' || name === 'correspondents') this.newsByline = this.newsByline || people.length > 0;
        this.addPeople(name as PersonField, people);
      }
    }
  }

  private addPeople(field: PersonField, people: PersonRef[]): void {
    const list = this.people.get(field) ?? [];
    for (const person of people) {
      const name = typeof person === 'string' ? person : person.name;
      if (!list.some((p) => (typeof p === 'string' ? p : p.name) === name)) list.push(person);
    }
    this.people.set(field, list);
  }

  // ---- pass 5: the document ----

  private assemble(): ImportedDocument {
    const titleS = this.title ? shadow(this.title) : '';
    const subtitleS = this.subtitle ? shadow(this.subtitle) : '';
    const detected = this.options.kind
      ? { kind: this.options.kind, guessed: false }
      : detectKind({
          titles: [titleS, subtitleS].filter(Boolean),
          newsByline: this.newsByline,
          lectureLine: this.series !== undefined || isSeriesLine(subtitleS) || (this.people.get('lecturers')?.length ?? 0) > 0,
          salutation: this.salutation,
          speakerLine: this.underTitlePeople.length > 0 || (this.people.get('speaker')?.length ?? 0) > 0,
        });
    const kind = detected.kind;
    // ——人大代表履职能力专题讲座第二讲 under a lecture's title names its series, not a subtitle.
    if (kind === 'lecture' && this.subtitle !== undefined && this.series === undefined && isSeriesLine(subtitleS)) {
      this.series = this.subtitle;
      this.subtitle = undefined;
    }
    if (detected.guessed) this.warn('kindGuessed', { params: { kind } });

    let title = this.title;
    if (title === undefined && this.options.fileName) {
      title = this.options.fileName.replace(/\.[^.]+$/, '');
      this.warn('titleFromFileName', { text: title });
    } else if (title === undefined) {
      this.warn('noTitle');
    }

    const data: Record<string, unknown> = { title, subtitle: this.subtitle };
    data.date = this.chooseDate(kind);
    const source = this.sources[0] ?? this.options.hints?.source;
    data.source = source;
    for (const other of new Set(this.sources.slice(1))) {
      if (other !== source && !source?.includes(other) && !other.includes(source ?? '')) this.warn('conflict', { text: other, params: { field: 'source', kept: source ?? '' } });
    }
    data.sourceUrl = this.options.hints?.sourceUrl;

    const occasionText = [this.title, this.subtitle, this.series].filter(Boolean).join(' ');
    const occasionS = shadow(occasionText);
    if (kind === 'speech') {
      const speaker =
        this.people.get('speaker')?.[0] ??
        this.underTitlePeople[0] ??
        (this.title ? speakerFromTitle(this.title, titleS) : undefined) ??
        (this.subtitle ? speakerFromTitle(this.subtitle, subtitleS) : undefined) ??
        this.people.get('lecturers')?.[0];
      data.speaker = speaker;
      if (!speaker) this.warn('noSpeaker');
      data.occasion = speechOccasion(occasionS, occasionText);
      data.authors = this.people.get('authors');
    } else if (kind === 'lecture') {
      const lecturers = [...(this.people.get('lecturers') ?? []), ...this.underTitlePeople, ...(this.people.get('speaker') ?? [])];
      data.lecturers = lecturers;
      if (lecturers.length === 0) this.warn('noLecturer');
      data.format = lectureFormat(occasionS, occasionText);
      data.series = this.series;
      data.authors = this.people.get('authors');
    } else {
      data.authors = [...this.underTitlePeople, ...(this.people.get('authors') ?? [])];
      for (const field of WRITEUP_ONLY) data[field] = this.people.get(field);
    }
    this.reportUnplacedPeople(data);
    if (this.omittedMarkers > 0) data.omitted = { chars: this.omittedChars };

    const id = uniqueId(
      proposeId({ title, subtitle: this.subtitle, kind, occasion: typeof data.occasion === 'string' ? data.occasion : undefined, fileName: this.options.fileName }),
      typeof this.options.takenIds === 'function' ? this.options.takenIds(kind) : (this.options.takenIds ?? new Set()),
    );
    const images = this.placeImages(kind, id, data);
    const frontmatter = orderFrontmatter(kind, data);
    this.checkSchema(kind, frontmatter);

    const body = blocksToMarkdown(this.headingDepths(), this.options.markdown !== true);
    return {
      kind,
      id,
      frontmatter,
      body,
      warnings: sortWarnings(this.warnings),
      images,
      trace: this.items.filter((i) => i.src.text.trim() !== '' || i.src.image).map((i) => i.trace),
    };
  }

  /** Names the text gave that no field of this kind can hold (an editor of a speech) are reported, not lost. */
  private reportUnplacedPeople(data: Record<string, unknown>): void {
    const nameOf = (p: PersonRef) => (typeof p === 'string' ? p : p.name);
    const placed = new Set<string>();
    for (const key of ['speaker', 'lecturers', 'authors', ...WRITEUP_ONLY]) {
      const value = data[key];
      for (const person of (Array.isArray(value) ? value : value ? [value] : []) as PersonRef[]) placed.add(nameOf(person));
    }
    const given: [string, PersonRef][] = [...this.people.entries()].flatMap(([field, people]) => people.map((p) => [field, p] as [string, PersonRef]));
    for (const person of this.underTitlePeople) given.push(['person', person]);
    for (const [field, person] of given) {
      if (placed.has(nameOf(person))) continue;
      placed.add(nameOf(person));
      this.warn('ignoredField', { text: `${field}: ${nameOf(person)}` });
    }
  }

  private chooseDate(kind: DocumentKind): PartialDate | undefined {
    let best: DateCandidate | undefined;
    for (const candidate of this.dates) if (!best || candidate.rank > best.rank) best = candidate;
    const hint = this.options.hints?.date ? parseDateValue(this.options.hints.date) : undefined;
    if (hint && (!best || best.rank < 3)) best = { found: hint, rank: 3 };
    if (!best) {
      const fromText = this.dateFromText();
      if (fromText) {
        best = { found: fromText.found, rank: 0, line: fromText.line, fromText: true };
        this.warn('dateFromText', { line: fromText.line, text: fromText.found.text, params: { date: kind === 'writeup' && fromText.found.end ? fromText.found.end : fromText.found.date } });
      }
    }
    if (!best) {
      this.warn('noDate');
      return undefined;
    }
    if (best.found.yearFromContext && this.yearFromOptions) {
      this.warn('yearFromContext', { line: best.line, text: best.found.text, params: { year: partialDateYear(best.found.date) } });
    }
    const date = best.fromText && kind === 'writeup' && best.found.end ? best.found.end : best.found.date;
    return toPartialDate(date);
  }

  /** The first date in the first paragraphs, when nothing dated the document. */
  private dateFromText(): { found: FoundDate; line: number } | undefined {
    for (const block of this.blocks.slice(0, 6)) {
      if (block.type !== 'paragraph') continue;
      const found = findDate(shadow(block.text), this.year);
      if (found && found.date.length >= 7) return { found, line: this.items[block.from].src.line };
    }
    return undefined;
  }

  /** Photos become `images` of a write-up, attachments of other kinds; each gets a file name in media/. */
  private placeImages(kind: DocumentKind, id: string, data: Record<string, unknown>): ImportedImage[] {
    const images: ImportedImage[] = [];
    const entries: { src: string; caption?: string }[] = [];
    this.photos.forEach((photo, n) => {
      const index = photo.image?.index;
      const extension = index !== undefined ? (this.options.imageExtensions?.[index] ?? 'png') : extensionOf(photo.image?.name);
      const src = `media/${id}-${n + 1}.${extension}`;
      images.push(index !== undefined ? { src, index } : { src });
      entries.push(photo.caption ? { src, caption: photo.caption } : { src });
      if (index === undefined) this.warn('imageFileNeeded', { line: photo.line, text: photo.image?.name ?? photo.caption, params: { src } });
    });
    if (entries.length === 0) return images;
    if (kind === 'writeup') {
      data.images = entries;
    } else {
      data.attachments = entries.map((e, n) => ({ file: e.src, title: e.caption ?? `图片${n + 1}` }));
      this.warn('imageAsAttachment', { params: { count: entries.length } });
    }
    return images;
  }

  /** Heading levels from the forms used: the highest form present becomes ##. */
  private headingDepths(): Block[] {
    const depths = [...new Set(this.blocks.filter((b) => b.key).map((b) => HEADING_DEPTH[b.key!] ?? 5))].sort((a, b) => a - b);
    return this.blocks.map((block) =>
      block.type === 'heading' ? { type: 'heading', depth: Math.min(6, 2 + depths.indexOf(HEADING_DEPTH[block.key!] ?? 5)), text: block.text } : { type: 'paragraph', text: block.text },
    );
  }

  /** Problems the schema would report that no warning has explained yet. */
  private checkSchema(kind: DocumentKind, frontmatter: Record<string, unknown>): void {
    const result = documentSchemas[kind].safeParse(frontmatter);
    if (result.success) return;
    const explained = new Set(['title', 'date']);
    for (const issue of result.error.issues) {
      const field = issue.path.map(String).join('.');
      if (explained.has(String(issue.path[0]))) continue;
      this.warn('invalidFrontmatter', { params: { field, message: issue.message } });
    }
  }

  // ---- bookkeeping ----

  private use(item: Item, use: LineTrace['use'], fields?: string[]): void {
    item.trace.use = use;
    if (fields && fields.length > 0) item.trace.fields = [...(item.trace.fields ?? []), ...fields];
    if (use !== 'body') item.done = true;
  }

  private drop(item: Item, code: ImportWarning['code']): void {
    this.use(item, 'dropped');
    this.warn(code, { line: item.src.line, text: item.text });
  }

  private setText(item: Item, text: string): void {
    item.text = text;
    item.s = shadow(text);
    if (text === '') this.use(item, 'meta');
  }

  private warn(code: ImportWarning['code'], extra: Omit<ImportWarning, 'code'> = {}): void {
    this.warnings.push({ code, ...extra });
  }
}

/** By line, those without a line (about the whole document) last, in the order they were found. */
function sortWarnings(warnings: ImportWarning[]): ImportWarning[] {
  return warnings
    .map((warning, order) => ({ warning, order }))
    .sort((a, b) => (a.warning.line ?? Infinity) - (b.warning.line ?? Infinity) || a.order - b.order)
    .map(({ warning }) => warning);
}

function startsWithTitle(line: string, title: string): boolean {
  const key = (t: string) => t.replace(/[^\p{L}\p{N}]+/gu, '');
  return key(title).length >= 4 && key(line).startsWith(key(title));
}

function fieldNames(fields: HeaderField[]): string[] {
  return fields.filter((f) => f.field !== 'chrome' && f.field !== 'ignored').flatMap((f) => f.fields);
}

function extensionOf(name: string | undefined): string {
  const match = name ? /\.(png|jpe?g|gif|webp|bmp)$/i.exec(name) : null;
  return match ? match[1].toLowerCase().replace('jpeg', 'jpg') : 'jpg';
}

