export interface Row<T> {
  el: HTMLElement;
  update(item: T): void;
}

/**
 * A list whose rows keep their elements from one render to the next: a button under a
 * finger stays the same button while scores change around it.
 */
export function keyedList<T>(list: HTMLElement, key: (item: T) => string, make: (item: T) => Row<T>) {
  const rows = new Map<string, Row<T>>();
  return (items: readonly T[], tail: HTMLElement[] = []) => {
    const keep = new Set(items.map(key));
    for (const [k, row] of rows) if (!keep.has(k)) row.el.remove(), rows.delete(k);
    items.forEach((item, i) => {
      const k = key(item);
      let row = rows.get(k);
      if (!row) rows.set(k, (row = make(item)));
      row.update(item);
      if (list.children[i] !== row.el) list.insertBefore(row.el, list.children[i] ?? null);
    });
    while (list.children.length > items.length) list.lastElementChild!.remove();
    list.append(...tail);
  };
}
