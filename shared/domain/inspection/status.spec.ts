import { describe, expect, it } from 'vitest';
import { canMove, INSPECTION_STATUSES, nextStatuses } from './status';

describe('an inspection’s status', () => {
  it('moves only forward along the office’s path', () => {
    expect(nextStatuses('pending')).toEqual(['checked']);
    expect(nextStatuses('checked')).toEqual(['stopped', 'filed', 'closed']);
    expect(nextStatuses('closed')).toEqual([]);
    const order = INSPECTION_STATUSES;
    for (const a of order) for (const b of order) if (order.indexOf(b) <= order.indexOf(a)) expect(canMove(a, b), `${a} → ${b}`).toBe(false);
    expect(canMove('pending', 'closed')).toBe(false); // not closed before anyone has been on site
  });
});
