import type { LeniencyItem, LeniencyList, Settings } from '@contract'

/** The leniency lists 包容审慎 (SPEC §2 rule 20): what an officer consults, and the item a `no_penalty` result cites. */

/** The lists of one field (a department's `field`), or every list when no field is given or none matches. */
export function listsForField(settings: Pick<Settings, 'leniency'>, field?: string): LeniencyList[] {
  const all = settings.leniency.lists
  if (!field) return all
  const own = all.filter((l) => l.field === field)
  return own.length ? own : all
}

/** The list item with `id`, in any list. */
export function findLeniencyItem(settings: Pick<Settings, 'leniency'>, id: string): (LeniencyItem & { listId: string }) | undefined {
  for (const list of settings.leniency.lists) {
    const item = list.items.find((i) => i.id === id)
    if (item) return { ...item, listId: list.id }
  }
  return undefined
}
