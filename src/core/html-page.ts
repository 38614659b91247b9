// The HTML format: the Markdown plan rendered by marked into one self-contained, printable page.
// Raw HTML in the Markdown is never passed through (it is shown as text), and links may only be
// http(s) or mailto, so user text cannot inject markup or script.
import { Marked, type Tokens } from 'marked';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const CSS = `
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; }
h1 { font-size: 1.8rem; border-bottom: 2px solid #333; padding-bottom: .3rem; }
h2 { margin-top: 2rem; border-bottom: 1px solid #bbb; }
h3 { margin-top: 1.5rem; } h4 { margin-bottom: .3rem; }
table { border-collapse: collapse; margin: 1rem 0; width: 100%; }
th, td { border: 1px solid #999; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
ul.tasks { list-style: none; padding-left: 1rem; }
li input[type=checkbox] { margin-right: .5rem; }
blockquote { border-left: 4px solid #999; margin: 1rem 0; padding: .2rem 1rem; background: #f6f6f6; }
code, pre { font-family: ui-monospace, monospace; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2, h3 { break-after: avoid; } tr, li { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  pre.mermaid { display: none; }
}
`;

export function markdownToHtml(md: string, title: string): string {
  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    renderer: {
      html(token: Tokens.HTML | Tokens.Tag) {
        return esc(token.text);
      },
      link(token: Tokens.Link) {
        const text = this.parser.parseInline(token.tokens);
        return /^(https?:|mailto:)/i.test(token.href) ? `<a href="${esc(token.href)}">${text}</a>` : text;
      },
      image(token: Tokens.Image) {
        return esc(token.text);
      },
      // The gantt chart's source: <pre class="mermaid">, which the print style hides.
      code(token: Tokens.Code) {
        return token.lang === 'mermaid' ? `<pre class="mermaid">${esc(token.text)}</pre>\n` : false;
      },
    },
  });
  const body = marked.parse(md) as string;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
${body}</body>
</html>
`;
}
