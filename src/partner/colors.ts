import type { Colors } from '../models/colors.js';
import { at, bool, list, str, type Raw } from '../parse/raw.js';

/** `extractedColors[0]` -> colours (unvalidated: the schema checks the `#RRGGBB` form). */
export function readColors(root: Raw): Colors {
  const first = list(root['items'])[0];
  const hex = (key: string) => str(at(first, key, 'hex'))?.toUpperCase() ?? '';
  return {
    raw: hex('colorRaw'),
    dark: hex('colorDark'),
    light: hex('colorLight'),
    isFallback: bool(at(first, 'colorRaw', 'isFallback')) ?? false,
  };
}
