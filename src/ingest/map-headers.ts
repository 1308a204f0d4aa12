import type { DataItem, TopicDefinition } from '../catalog/index.js';
import { AppError } from '../kernel/errors.js';
import { IngestErrors } from './errors.js';

function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/^[*＊\s]+/, '')
    .replace(/\s+/g, '')
    .toUpperCase();
}

/**
 * Matches a file's header row to a topic's data items. A header may be the field code (`CF_XDR_MC`),
 * the Chinese name with or without the template's `*`, an alias, or `名称(代码)`. Returns, for each
 * item, the index of its column or -1. Unknown, duplicate and missing required columns refuse the batch.
 */
export function mapHeaders(def: TopicDefinition, headers: readonly string[]): number[] {
  const lookup = new Map<string, number>();
  def.items.forEach((item: DataItem, index) => {
    for (const text of [item.code, item.name, ...(item.aliases ?? [])]) lookup.set(headerKey(text), index);
  });

  const columnOfItem = def.items.map(() => -1);
  const unknown: string[] = [];
  headers.forEach((header, column) => {
    if (header.trim() === '') return;
    const key = headerKey(header);
    const withCode = /^(.*)[(（]([A-Z][A-Z0-9_]*)[)）]$/.exec(key);
    const itemIndex = lookup.get(key) ?? (withCode ? lookup.get(withCode[2] ?? '') : undefined);
    if (itemIndex === undefined) {
      unknown.push(header);
      return;
    }
    const previous = columnOfItem[itemIndex] ?? -1;
    if (previous >= 0) {
      throw new AppError(IngestErrors.INGEST_DUPLICATE_COLUMN, {
        column: def.items[itemIndex]?.name ?? header,
        first: previous + 1,
        second: column + 1,
      });
    }
    columnOfItem[itemIndex] = column;
  });
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 5).join('」「') + (unknown.length > 5 ? ` 等 ${unknown.length} 列` : '');
    throw new AppError(IngestErrors.INGEST_UNKNOWN_COLUMNS, { columns: shown, topic: def.name }, { columns: unknown.slice(0, 100) });
  }
  const missing = def.items.filter((item, index) => item.required && columnOfItem[index] === -1);
  if (missing.length > 0) {
    throw new AppError(
      IngestErrors.INGEST_MISSING_COLUMNS,
      { columns: missing.map((item) => `${item.name}（${item.code}）`).join('、') },
      { columns: missing.map((item) => item.code) },
    );
  }
  return columnOfItem;
}
