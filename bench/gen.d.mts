/** Writes a benchmark CSV (see gen.mjs). */
export function generateCsv(path: string, rows: number, opts?: { scattered?: boolean; perCustomer?: number }): Promise<void>;
