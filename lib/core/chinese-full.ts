import { ConverterFactory } from 'opencc-js/core';
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import TWVariantsRevPhrases from 'opencc-js/dict/TWVariantsRevPhrases';
import { stripPinyin } from './chinese';

/**
 * OpenCC's full traditional → simplified conversion (Taiwan variants and phrases first), for names:
 * an agency is stored in simplified characters so that the same agency joins across years. Used by
 * the CLI and the background — not by the content script, which ships only the matching table.
 */
let converter: ((s: string) => string) | undefined;
let traditional: Set<string> | undefined;

/** Characters OpenCC converts: a cheap test, so the phrase trie (~200 ms to build) is built only when needed. */
function hasTraditional(text: string): boolean {
  traditional ??= new Set(
    TSCharacters.split('|')
      .map((e) => e.split(' ')[0])
      .concat(TWVariantsRev.split('|').map((e) => e.split(' ')[0])),
  );
  for (const ch of text) if (traditional.has(ch)) return true;
  return false;
}

export function toSimplifiedFull(text: string): string {
  const plain = stripPinyin(text);
  if (!hasTraditional(plain)) return plain;
  converter ??= ConverterFactory([TWVariantsRevPhrases, TWVariantsRev], [TSPhrases, TSCharacters]);
  return converter(plain);
}
