/**
 * The item at `index`, which the caller knows is there (a loop bound, a modulo): a RangeError
 * naming the index if it is not, instead of an `undefined` flowing on.
 */
export function at<T>(items: ArrayLike<T>, index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`no item at ${index} of ${items.length}`);
  return item;
}
