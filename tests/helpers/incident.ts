import type { IncidentInput } from '../../src/incident/schema.js';

/** The smallest complete incident the unit tests start from (add or override fields per test). */
export const complete: IncidentInput = {
  company: { name: 'Acme', from: 'Acme <care@acme.example>' },
  signer: { name: 'Dana Lee' },
  mistake: 'your order shipped late',
  affected: 12,
  rootCause: 'a scanner failed',
  commitment: 'we check the scanner daily',
};
