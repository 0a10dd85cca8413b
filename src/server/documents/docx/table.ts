import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { runFont } from './fonts.js';
import { PAGE, SIZE } from './layout.js';

const WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line };

export interface Column {
  header: string;
  /** Share of the text width; the shares are scaled to fill the 156 mm line. */
  weight: number;
  align?: 'left' | 'center';
}

function cell(text: string, width: number, opts: { header?: boolean; align?: 'left' | 'center' }) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 80, right: 80, top: 40, bottom: 40 },
    children: [
      new Paragraph({
        alignment: opts.header || opts.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { line: 400, lineRule: LineRuleType.AT_LEAST, before: 0, after: 0 },
        children: [new TextRun({ text, font: runFont(opts.header ? 'heading1' : 'body'), size: SIZE.table })],
      }),
    ],
  });
}

/** A ruled table in 4号 (14 pt) type, the header row in 黑体, repeated on every page. */
export function table(columns: Column[], rows: string[][]): Table {
  const total = columns.reduce((a, c) => a + c.weight, 0);
  const widths = columns.map((c) => Math.floor((WIDTH * c.weight) / total));
  return new Table({
    width: { size: WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders,
    alignment: AlignmentType.CENTER,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, widths[i]!, { header: true })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, widths[i]!, { align: columns[i]!.align })) })),
    ],
  });
}
