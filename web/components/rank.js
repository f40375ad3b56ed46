// Ordering what the engine computed for display (the top-k of a list). Sorting numbers, not computing them.

/** Vocabulary ids sorted by `values` (high first; ties by id). */
export function rankIds(values) {
  return Array.from(values.keys()).sort((a, b) => values[b] - values[a] || a - b);
}
