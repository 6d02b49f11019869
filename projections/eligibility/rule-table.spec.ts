import holidaysPackage from 'date-holidays/package.json';
import servicePackage from '../../package.json';
import { DATE_HOLIDAYS_VERSION, RULE_TABLE, RULE_TABLE_VERSION, rulesVersion } from './rule-table';

describe('the rule table', () => {
  it('gives every rule a stable dotted id and a citation', () => {
    for (const [id, rule] of Object.entries(RULE_TABLE)) {
      expect(id).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
      expect(rule.citation.length).toBeGreaterThan(10);
    }
  });

  it('notes its conservative readings', () => {
    expect(RULE_TABLE['casl.implied.contract'].note).toMatch(/conservative/i);
    expect(RULE_TABLE['gdpr.consent'].note).toMatch(/soft opt-in/);
    expect(RULE_TABLE['tcpa.written-consent'].note).toMatch(/every purpose/);
    expect(RULE_TABLE['tcpa.hours.fl'].note).toMatch(/verify/);
  });
});

describe('rulesVersion', () => {
  it('names the rule table, the holiday data and the tz database', () => {
    expect(rulesVersion('2025c')).toBe(`rules/${RULE_TABLE_VERSION} date-holidays/3.37.0 tzdata/2025c`);
  });

  it('states the date-holidays release actually installed and pinned, so an upgrade is a deliberate migration', () => {
    expect(holidaysPackage.version).toBe(DATE_HOLIDAYS_VERSION);
    expect(servicePackage.dependencies['date-holidays']).toBe(DATE_HOLIDAYS_VERSION);
  });
});
