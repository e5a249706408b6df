/** Print layout: CJK font first, no header cell broken mid-word, charts kept whole on a page. */
export const PRINT_CSS = `
body { background: #fff; }
.debrief { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif; padding: 0.5rem; font-size: 10.5pt; color: #111; }
.debrief h1 { font-size: 17pt; margin: 0 0 0.4rem; }
.debrief h2 { font-size: 13pt; border-bottom: 1px solid #999; margin: 1rem 0 0.4rem; break-after: avoid; }
.debrief h3 { font-size: 11pt; margin: 0.6rem 0 0.2rem; break-after: avoid; }
.debrief table { border-collapse: collapse; margin: 0.3rem 0; }
.debrief th, .debrief td { border: 1px solid #ccc; padding: 2px 6px; text-align: left; vertical-align: top; }
.debrief th { word-break: keep-all; overflow-wrap: normal; hyphens: none; background: #f3f4f6; }
.debrief table.turns td { white-space: nowrap; }
.debrief .charts { display: grid; grid-template-columns: 1fr 1fr; gap: 0.5rem; }
.debrief .chart, .debrief .keep { break-inside: avoid; }
.debrief .chart { border: 1px solid #ddd; padding: 4px; margin: 0; }
.debrief .chart svg { width: 100%; height: auto; }
.debrief .legend { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0 0.8rem; font-size: 8pt; }
.debrief .legend span { display: inline-block; width: 10px; height: 10px; margin-right: 3px; }
.debrief .small { font-size: 8.5pt; color: #444; }
.debrief ol.plain { padding-left: 1rem; }
.debrief .card { border: none; padding: 0; }
.debrief table.side-by-side { width: 100%; table-layout: fixed; }
.debrief table.side-by-side tr.differs td { background: #fef9c3; font-weight: 600; }
.debrief h5 { font-size: 10pt; margin: 0.4rem 0 0.1rem; }
.debrief .sr-only { display: none; }
.debrief .notice.warn { border: 1px solid #b45309; border-left-width: 4px; padding: 4px 8px; font-weight: 600; }
`;
