/** "1 player", "3 players". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Ana", "Ana and Bo", "Ana, Bo and Cy", "Ana, Bo and 4 others": at most `most` names, the rest counted. */
export function nameList(names: readonly string[], most = 3): string {
  const unique = [...new Set(names)];
  if (unique.length <= 1) return unique[0] ?? "";
  if (unique.length <= most) return `${unique.slice(0, -1).join(", ")} and ${unique[unique.length - 1]}`;
  const shown = most - 1;
  return `${unique.slice(0, shown).join(", ")} and ${unique.length - shown} others`;
}
