/** HTML escaping for the A4 templates: every data value goes through esc(). */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Shared A4 page CSS: 20 mm margins, Chinese serif body, tables with ruled cells. */
export const A4_CSS = `
@page { size: A4; margin: 20mm 18mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", serif; font-size: 12pt; color: #000; margin: 0; }
h1 { text-align: center; font-size: 20pt; letter-spacing: 0.4em; margin: 0 0 4mm; }
.sub { text-align: center; font-size: 11pt; margin-bottom: 6mm; }
.no { text-align: right; font-size: 10.5pt; margin-bottom: 3mm; }
table { width: 100%; border-collapse: collapse; margin-bottom: 5mm; }
th, td { border: 0.3mm solid #000; padding: 2.2mm 3mm; vertical-align: top; text-align: left; }
th { width: 28mm; font-weight: bold; background: #f2f2f2; white-space: nowrap; }
ol { margin: 0; padding-left: 6mm; }
.note { font-size: 10.5pt; line-height: 1.7; margin: 4mm 0; }
.sign { display: flex; justify-content: space-between; margin-top: 14mm; font-size: 11.5pt; }
.sign div { width: 45%; }
.line { display: inline-block; min-width: 40mm; border-bottom: 0.3mm solid #000; }
.seal { text-align: right; margin-top: 10mm; }
`;

export function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>${A4_CSS}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
