/**
 * A second guard, at run time, for what ESLint checks statically (eslint.config.mjs): projections/
 * loads no framework, storage or I/O module, and reads no clock and no randomness.
 */

import { given, inNewYork, inOntario } from './testing/eligibility-specification';
import { contacted, granted, listed, policy, registered, relationship, withdrawn } from './testing/ledger-entries';

const IMPURE_MODULES = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'net', 'http', 'https', 'child_process', 'pg', 'typeorm', '@nestjs/common', '@nestjs/core', '@electric-sql/pglite'];

describe('projections/ purity', () => {
  it('loads no impure module', () => {
    jest.isolateModules(() => {
      for (const name of IMPURE_MODULES) {
        jest.doMock(name, () => {
          throw new Error(`projections/ loaded ${name}`);
        });
      }
      expect(jest.requireActual<Record<string, unknown>>('./index')).toHaveProperty('evaluate');
    });
  });

  it('reads no clock and no randomness while evaluating', () => {
    const RealDate = Date;
    class ClocklessDate extends RealDate {
      constructor(...args: ConstructorParameters<typeof Date> | []) {
        if (args.length === 0) throw new Error('new Date() read the clock');
        super(...(args as ConstructorParameters<typeof Date>));
      }
      static override now(): number {
        throw new Error('Date.now() read the clock');
      }
    }
    const random = jest.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random() called');
    });
    globalThis.Date = ClocklessDate as DateConstructor;
    try {
      given(registered('2020-01-01', inOntario), relationship('2025-06-01', 'sale'), listed('2025-07-01', 'national'), policy('2020-01-01', 'p', 1, { windows: { sale: 'P25M' } }))
        .when({ channel: 'voice', at: '2025-11-02T15:00' })
        .then({ eligible: true, reason: 'ebr-purchase' });
      given(registered('2020-01-01', inNewYork), granted('2025-01-01', { kind: 'express-written' }), withdrawn('2025-11-25T15:00', { channel: 'sms' }))
        .whenContacted(contacted('2025-12-10T15:00', { channel: 'sms' }))
        .then({ outcome: 'within-grace', reason: 'opted-out', basis: 'law', deadline: '2025-12-11T05:00:00.000Z' });
    } finally {
      globalThis.Date = RealDate;
      random.mockRestore();
    }
  });
});
