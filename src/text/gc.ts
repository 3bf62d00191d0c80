/**
 * V8 lets the heap grow lazily under a high allocation rate, so a long batch
 * would peak far above what it holds live (about 15 MB). A full collection now
 * and then keeps peak memory flat whatever the row count (SPEC.md's budget).
 */
export function garbageCollector(limitBytes = 16 * 1024 * 1024): () => void {
  // Set up on the first call (after thousands of rows): a small run never loads node:v8 and node:vm.
  let collect: (() => void) | undefined | null = null;
  return () => {
    if (collect === null) collect = setUp(limitBytes);
    collect?.();
  };
}

function setUp(limitBytes: number): (() => void) | undefined {
  try {
    const v8 = process.getBuiltinModule('node:v8');
    v8.setFlagsFromString('--expose-gc');
    const gc = process.getBuiltinModule('node:vm').runInNewContext('gc') as unknown;
    if (typeof gc !== 'function') return undefined;
    // Collect when the heap has grown by `limitBytes` since what the last full
    // collection left live (not at a fixed size: a live set near the limit
    // would otherwise force a full collection on every call). 16 MB: the held
    // customers of a scattered file are read back bucket by bucket and most of
    // them reach the old space; 32 MB let 200k such rows peak at 154 MB RSS.
    let trigger = limitBytes;
    return () => {
      if (v8.getHeapStatistics().used_heap_size <= trigger) return;
      (gc as () => void)();
      trigger = v8.getHeapStatistics().used_heap_size + limitBytes;
    };
  } catch {
    return undefined;
  }
}
