/** A noun with its indefinite article, for messages: "a track", "an album", "an episode". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}
