/**
 * A Drupal database dump's tables as the site owner hands them over: one file per table, CSV (mysql/phpMyAdmin:
 * a header row, `\N` or NULL for null) or JSON (an array of rows, or phpMyAdmin's export with its header objects).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { DrupalSourceError } from './drupal-site.ts';

export type Row = Record<string, string | null> & { __where: string };

/** Where a row came from, for messages: "node_field_data.csv, dòng 12". */
export function where(row: Row): string {
  return row.__where;
}

function fileOf(dir: string, table: string): string | null {
  for (const ext of ['csv', 'json']) {
    const file = path.join(dir, `${table}.${ext}`);
    if (existsSync(file)) return file;
  }
  return null;
}

export function hasTable(dir: string, table: string): boolean {
  return fileOf(dir, table) !== null;
}

function cell(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  return text === '\\N' || text === 'NULL' ? null : text;
}

/** The rows of `table` (table.csv or table.json in `dir`); a missing required table is an error naming it. */
export function readTable(dir: string, table: string, options: { required: boolean; columns: string[] }): Row[] {
  const file = fileOf(dir, table);
  if (!file) {
    if (options.required) throw new DrupalSourceError(`Thiếu bảng ${table} (${table}.csv hoặc ${table}.json) trong thư mục ${dir}.`);
    return [];
  }
  const name = path.basename(file);
  let records: Record<string, unknown>[];
  let lineOf: (index: number) => string;
  try {
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    if (file.endsWith('.csv')) {
      const parsed = parse(text, { columns: true, skip_empty_lines: true, relax_column_count: false, info: true }) as { record: Record<string, unknown>; info: { lines: number } }[];
      records = parsed.map((p) => p.record);
      const lines = parsed.map((p) => p.info.lines);
      lineOf = (i) => `${name}, dòng ${lines[i]}`;
    } else {
      const json = JSON.parse(text) as unknown;
      const data = Array.isArray(json) ? (json.find((e) => e && typeof e === 'object' && (e as { type?: string }).type === 'table') as { data?: unknown } | undefined)?.data ?? json : null;
      if (!Array.isArray(data) || data.some((r) => !r || typeof r !== 'object' || Array.isArray(r))) throw new Error('tệp không phải một danh sách bản ghi');
      records = data as Record<string, unknown>[];
      lineOf = (i) => `${name}, bản ghi thứ ${i + 1}`;
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DrupalSourceError(`Không đọc được ${name}: ${reason}.`);
  }
  const first = records[0];
  if (first) {
    const missing = options.columns.filter((c) => !(c in first));
    if (missing.length) throw new DrupalSourceError(`${name}: thiếu cột ${missing.join(', ')}.`);
  }
  return records.map((record, i) => {
    const row: Row = { __where: lineOf(i) } as Row;
    for (const [key, value] of Object.entries(record)) row[key] = cell(value);
    return row;
  });
}

/** A whole-number id of a row, or an error naming the file, row and column. */
export function intOf(row: Row, column: string): number {
  const value = Number(row[column]);
  if (!Number.isInteger(value)) throw new DrupalSourceError(`${where(row)}: cột ${column} phải là số nguyên (nhận được "${row[column] ?? ''}").`);
  return value;
}

/** Groups rows by an integer column. */
export function groupBy(rows: Row[], column: string): Map<number, Row[]> {
  const groups = new Map<number, Row[]>();
  for (const row of rows) {
    const key = intOf(row, column);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return groups;
}
