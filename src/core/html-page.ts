// The HTML format: the Markdown plan rendered by marked into one self-contained page that reads
// on screen and prints well. No script, no network: the schedule's chart is inline SVG drawn
// here from the plan's Mermaid source. Raw HTML in the Markdown is never passed through (it is
// shown as text), and links may only be http(s), mailto or the page's own #anchors, so user
// text cannot inject markup or script.
//
// Layout: the part before the first "##" heading is the cover; a table of contents follows it;
// each "##" section is a <section>. The executive summary (the section with id
// "executive-summary") prints on the first page with the cover, and the contents on the next.
import { Marked, type Token, type Tokens } from 'marked';
import { ganttSvg } from './gantt-svg.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const CSS = `
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 54rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
h1 { font-size: 1.8rem; border-bottom: 2px solid #333; padding-bottom: .3rem; margin-bottom: .6rem; }
h2 { margin-top: 2rem; border-bottom: 1px solid #999; }
h3 { margin: 1.4rem 0 .4rem; } h4 { margin: 1rem 0 .3rem; }
table { border-collapse: collapse; margin: .8rem 0; width: 100%; }
th, td { border: 1px solid #888; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #e8e8e8; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
th.mid, td.mid { text-align: center; }
ul.cover { list-style: none; padding: 0; margin: .5rem 0 1rem; }
ul.tasks { list-style: none; padding-left: .25rem; }
li.task { display: flex; gap: .5rem; align-items: baseline; margin: .35rem 0; }
li.task > input { flex: none; }
input[type=checkbox] { appearance: none; -webkit-appearance: none; width: .95em; height: .95em; margin: 0; border: 1.5px solid #000; border-radius: 2px; background: #fff; position: relative; top: .12em; opacity: 1; }
input[type=checkbox]:checked::after { content: ""; position: absolute; left: .24em; top: .02em; width: .25em; height: .55em; border: solid #000; border-width: 0 2px 2px 0; transform: rotate(45deg); }
blockquote { border-left: 4px solid #777; margin: 1rem 0; padding: .2rem 1rem; background: #f4f4f4; }
code, pre { font-family: ui-monospace, monospace; }
nav.toc { border: 1px solid #bbb; padding: .4rem 1rem .6rem; margin: 1.2rem 0; }
nav.toc h2 { margin: .2rem 0; font-size: 1.1rem; border: 0; }
nav.toc ol { margin: 0; padding-left: 1.4rem; columns: 2; column-gap: 2rem; }
nav.toc a { color: inherit; }
section.summary { border: 2px solid #333; padding: 0 1rem .6rem; margin-top: 1.4rem; }
section.summary h2 { margin-top: .8rem; }
figure.gantt { margin: 1rem 0; }
svg.gantt { width: 100%; height: auto; font: 12px system-ui, sans-serif; }
svg.gantt .grid { stroke: #bbb; stroke-width: 1; }
svg.gantt .axis { fill: #333; font-size: 11px; }
svg.gantt .label { fill: #111; text-anchor: end; }
svg.gantt .bar { stroke: #000; stroke-width: 1; }
svg.gantt .bar0 { fill: #555; } svg.gantt .bar1 { fill: #888; } svg.gantt .bar2 { fill: #aaa; } svg.gantt .bar3 { fill: #ccc; }
svg.gantt .milestone { fill: #000; }
@media print {
  @page { margin: 12mm 12mm; }
  body { margin: 0; max-width: none; padding: 0; font-size: 9.5pt; line-height: 1.3; }
  h1 { font-size: 15pt; margin: 0 0 .3rem; padding-bottom: .15rem; }
  ul.cover { columns: 2; column-gap: 1.5rem; margin: .3rem 0; }
  h2 { font-size: 13pt; margin-top: 1.1rem; } h3 { font-size: 11pt; margin-top: .8rem; } h4 { font-size: 10pt; }
  p, ul { margin: .35rem 0; }
  table { font-size: 8.5pt; margin: .4rem 0; }
  th, td { padding: .1rem .3rem; }
  th { background: none; border-bottom: 2px solid #000; }
  h2, h3, h4 { break-after: avoid; } tr, li, figure { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  header p { font-size: 8.5pt; margin: .2rem 0; }
  section.summary { border: 0; padding: 0; margin: 0; break-after: page; font-size: 8.5pt; line-height: 1.25; }
  section.summary h2 { margin-top: .4rem; }
  section.summary h3 { margin: .4rem 0 .1rem; font-size: 10pt; }
  section.summary p, section.summary ul, section.summary table { margin: .15rem 0; }
  section.summary li { margin: .05rem 0; }
  section.summary blockquote { margin: .2rem 0; padding: 0 .6rem; }
  nav.toc { border: 0; padding: 0; margin-top: 0; }
  li.task { margin: .15rem 0; }
}
`;

/** A heading's anchor: lower case, letters and digits joined by hyphens, unique in the page. */
function slugger() {
  const seen = new Map<string, number>();
  return (text: string) => {
    const base =
      text
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/<[^>]*>|&[#\w]+;/g, '')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'section';
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}-${n + 1}`;
  };
}

const ALIGN: Record<string, string> = { right: 'num', center: 'mid' };

export function markdownToHtml(md: string, title: string): string {
  const slug = slugger();
  const toc: { id: string; text: string }[] = [];
  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    renderer: {
      html(token: Tokens.HTML | Tokens.Tag) {
        return esc(token.text);
      },
      link(token: Tokens.Link) {
        const text = this.parser.parseInline(token.tokens);
        return /^(https?:|mailto:|#[\w-]+$)/i.test(token.href) ? `<a href="${esc(token.href)}">${text}</a>` : text;
      },
      image(token: Tokens.Image) {
        return esc(token.text);
      },
      heading(token: Tokens.Heading) {
        const inner = this.parser.parseInline(token.tokens);
        const id = slug(inner);
        if (token.depth === 2) toc.push({ id, text: inner });
        return `<h${token.depth} id="${id}">${inner}</h${token.depth}>\n`;
      },
      // The schedule: drawn as SVG. A chart it cannot read is left out (the table beside it
      // carries the same dates); other code is shown as code.
      code(token: Tokens.Code) {
        if (token.lang !== 'mermaid') return false;
        const svg = /^\s*(?:%%.*\n\s*)*gantt\b/.test(token.text) ? ganttSvg(token.text) : undefined;
        return svg ? `<figure class="gantt">\n${svg}\n</figure>\n` : '';
      },
      list(token: Tokens.List) {
        const tasks = token.items.some((i) => i.task);
        const tag = token.ordered ? 'ol' : 'ul';
        const start = token.ordered && token.start !== 1 && token.start !== '' ? ` start="${token.start}"` : '';
        const body = token.items.map((i) => this.listitem(i)).join('');
        return `<${tag}${start}${tasks ? ' class="tasks"' : ''}>\n${body}</${tag}>\n`;
      },
      listitem(item: Tokens.ListItem) {
        if (!item.task) return `<li>${this.parser.parse(item.tokens)}</li>\n`;
        // The box, then the text beside it (marked would put the box inside the first paragraph).
        const box = `<input${item.checked ? ' checked' : ''} disabled type="checkbox">`;
        return `<li class="task">${box}<div>${this.parser.parse(item.tokens)}</div></li>\n`;
      },
      checkbox() {
        return '';
      },
      tablecell(token: Tokens.TableCell) {
        const tag = token.header ? 'th' : 'td';
        const cls = token.align ? ALIGN[token.align] : undefined;
        return `<${tag}${cls ? ` class="${cls}"` : ''}>${this.parser.parseInline(token.tokens)}</${tag}>\n`;
      },
    },
  });

  // Split the document at its "##" headings: the cover, then one <section> for each.
  const tokens = marked.lexer(md);
  const groups: Token[][] = [[]];
  for (const t of tokens) {
    if (t.type === 'heading' && (t as Tokens.Heading).depth === 2) groups.push([]);
    groups[groups.length - 1]!.push(t);
  }
  const parse = (ts: Token[]) => marked.parser(Object.assign(ts, { links: tokens.links }));
  const [coverTokens, ...sectionTokens] = groups;
  const cover = parse(coverTokens!)
    // The cover's first list is the plan's particulars, not a list to read as bullets.
    .replace(/<ul>/, '<ul class="cover">');
  const sections = sectionTokens.map((ts) => {
    const html = parse(ts);
    const id = /^<h2 id="([^"]*)"/.exec(html)?.[1];
    return `<section${id === 'executive-summary' ? ' class="summary"' : ''}>\n${html}</section>\n`;
  });
  const nav =
    toc.length > 1
      ? `<nav class="toc" aria-labelledby="contents">\n<h2 id="contents">Contents</h2>\n<ol>\n${toc.map((h) => `<li><a href="#${h.id}">${h.text}</a></li>`).join('\n')}\n</ol>\n</nav>\n`
      : '';
  // The summary, when there is one, comes straight after the cover; the contents after it.
  const summaryAt = sections.findIndex((s) => s.startsWith('<section class="summary">'));
  const body =
    summaryAt === 0 ? cover + sections[0]! + nav + sections.slice(1).join('') : cover + nav + sections.join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
${body.slice(0, cover.length)}</header>
<main>
${body.slice(cover.length)}</main>
</body>
</html>
`;
}
