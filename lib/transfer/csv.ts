/** A small RFC 4180 CSV reader: quoted fields with commas, quotes ("") and line breaks; CRLF, LF or CR. */

/** One record and the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Split CSV text into records. Tolerant as spreadsheet tools are: a quote inside an unquoted field is kept
 * as a character, text after a closing quote is appended to the field, and an unterminated quote runs to
 * the end of the text. A leading byte-order mark is dropped; blank lines give no record.
 */
export function parseCsv(text: string): CsvRecord[] {
  const s = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let atFieldStart = true;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    atFieldStart = true;
  };
  while (i < s.length) {
    const c = s[i]!;
    if (atFieldStart && c === '"') {
      // Quoted field: up to the next lone quote.
      i++;
      for (;;) {
        const q = s.indexOf('"', i);
        if (q < 0) {
          field += s.slice(i);
          i = s.length;
          break;
        }
        field += s.slice(i, q);
        if (s[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      line += countBreaks(field);
      atFieldStart = false;
      continue;
    }
    atFieldStart = false;
    if (c === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (c === '\r' || c === '\n') {
      i += c === '\r' && s[i + 1] === '\n' ? 2 : 1;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

function countBreaks(s: string): number {
  const m = s.match(/\r\n|\r|\n/g);
  return m ? m.length : 0;
}
